// `dflint lint` (also `dflint FILE...` and `dflint check`): lint files, directories, globs or
// standard input with each file's configuration, print the findings in the chosen format, optionally
// fix them in place, and exit 0 (nothing at or above the failure threshold), 1 (findings at or above
// it, or a file's `# check=error=true` with any finding) or 2 (usage, configuration or I/O errors;
// the other files are still linted).
import { readFile, stat } from "./fs-async.js";
import { dirname, resolve } from "node:path";
import {
  isAtOrAbove,
  isForeignCode,
  LABEL_TYPES,
  mergeConfigs,
  parseThreshold,
  resolveRuleNames,
  type FailureThreshold,
  type LintConfig,
} from "../lint/config.js";
import { lint, type LintResult } from "../lint/engine.js";
import { fixAll } from "../lint/fix-all.js";
import { findFormat, FORMATS } from "../lint/format/index.js";
import type { FileReport } from "../lint/format/report.js";
import type { Level } from "../lint/rule.js";
import type { ShellcheckHook } from "../lint/shellcheck-hook.js";
import type { LabelType, LintSettings } from "../lint/settings.js";
import { ConfigFinder, kindOf, type LoadedConfig } from "./find-config.js";
import { ioReason } from "../build/io-reason.js";
import { findFiles, type Input } from "./find-files.js";
import type { CliIo } from "./io.js";
import { packageInfo } from "./package-info.js";
import { readDockerignore, type DockerignoreResult } from "./read-dockerignore.js";
import { readInput } from "./read-input.js";
import { isTerminal } from "./stdio.js";
import { answerUsage, checked, readOptions, text, type Checked, type OptionTable, type Refusal } from "./read-options.js";
import { findShellcheck, shellcheckRunner } from "./run-shellcheck.js";
import { LINT_HELP } from "./usage.js";

export interface LintArgs {
  files: string[];
  config?: string;
  format?: string;
  ignore: string[];
  levels: Array<[Level, string]>;
  experimental: string[];
  failureThreshold?: FailureThreshold;
  noFail: boolean;
  trustedRegistries: string[];
  requireLabels: Array<[string, LabelType]>;
  strictLabels?: boolean;
  disableIgnorePragma?: boolean;
  buildArgs: Record<string, string>;
  context?: string;
  stdinFilename?: string;
  fix: boolean;
  unsafeFixes: boolean;
  target?: string;
  platform?: string;
  verbose: boolean;
  color?: boolean;
  noShellcheck: boolean;
}

type Parsed = { ok: true; args: LintArgs } | Refusal | { help: true };

// Short forms as hadolint spells them. --error, --warning, --info and --style fill one list, in the
// order given, so the last level given to a rule is the one it gets.
const LINT_OPTIONS = {
  "--config": { short: "-c", value: text },
  "--format": { short: "-f", value: (v) => checked(findFormat(v)?.name, `--format takes one of ${Object.keys(FORMATS).join(", ")}, not '${v}'`) },
  "--ignore": { value: text, repeat: true },
  "--error": { value: levelFor("error"), repeat: true, key: "levels" },
  "--warning": { value: levelFor("warning"), repeat: true, key: "levels" },
  "--info": { value: levelFor("info"), repeat: true, key: "levels" },
  "--style": { value: levelFor("style"), repeat: true, key: "levels" },
  "--experimental": { value: text, repeat: true },
  "--failure-threshold": { short: "-t", value: (v) => checked(parseThreshold(v), `--failure-threshold takes error, warning, info, style or none, not '${v}'`) },
  "--trusted-registry": { value: text, repeat: true },
  "--require-label": { value: readLabel, repeat: true },
  "--build-arg": { value: (v) => (v.startsWith("=") ? { ok: false, error: `--build-arg takes NAME=VALUE, not '${v}'` } : text(v)), repeat: true },
  "--context": { value: text },
  "--stdin-filename": { value: text },
  "--target": { value: text },
  "--platform": { value: text },
  "--no-fail": {},
  "--fix": {},
  "--unsafe-fixes": {},
  "--verbose": { short: "-v" },
  "--color": {},
  "--no-color": { key: "--color", sets: false },
  "--strict-labels": {},
  "--disable-ignore-pragma": {},
  "--no-shellcheck": {},
} as const satisfies OptionTable;

function levelFor(level: Level): (code: string) => Checked<[Level, string]> {
  return (code) => ({ ok: true, value: [level, code] });
}

function readLabel(value: string): Checked<[string, LabelType]> {
  const colon = value.lastIndexOf(":");
  const label = colon > 0 ? value.slice(0, colon) : "";
  const type = LABEL_TYPES.find((t) => t === value.slice(colon + 1));
  return checked(label && type ? [label, type] : null, `--require-label takes LABEL:TYPE with TYPE one of ${LABEL_TYPES.join(", ")}, not '${value}'`);
}

/** Reads lint's command line. */
export function parseLintArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Parsed {
  const read = readOptions(argv, LINT_OPTIONS);
  if ("help" in read || !read.ok) return read;
  const o = read.options;
  const buildArgs: Record<string, string> = {};
  for (const arg of o["--build-arg"] ?? []) {
    const at = arg.indexOf("=");
    // As `docker build --build-arg NAME`: the value comes from the environment, and an unset one is skipped.
    if (at > 0) buildArgs[arg.slice(0, at)] = arg.slice(at + 1);
    else if (env[arg] !== undefined) buildArgs[arg] = env[arg]!;
  }
  const files = read.operands;
  if (files.length === 0 && o["--stdin-filename"] !== undefined) files.push("-");
  if (files.length === 0) return { ok: false, error: "no file given" };
  const args: LintArgs = {
    files,
    config: o["--config"],
    format: o["--format"],
    ignore: o["--ignore"] ?? [],
    levels: o.levels ?? [],
    experimental: o["--experimental"] ?? [],
    failureThreshold: o["--failure-threshold"],
    noFail: o["--no-fail"] ?? false,
    trustedRegistries: o["--trusted-registry"] ?? [],
    requireLabels: o["--require-label"] ?? [],
    strictLabels: o["--strict-labels"],
    disableIgnorePragma: o["--disable-ignore-pragma"],
    buildArgs,
    context: o["--context"],
    stdinFilename: o["--stdin-filename"],
    fix: o["--fix"] ?? false,
    unsafeFixes: o["--unsafe-fixes"] ?? false,
    target: o["--target"],
    platform: o["--platform"],
    verbose: o["--verbose"] ?? false,
    color: o["--color"],
    noShellcheck: o["--no-shellcheck"] ?? false,
  };
  return { ok: true, args };
}

/** The settings the command line adds over the configuration files. */
function commandLineLayer(args: LintArgs, warn: (message: string) => void): LintConfig {
  const settings: Partial<LintSettings> = {};
  const names = (option: string, items: readonly string[]) => {
    const { codes, unknown } = resolveRuleNames(items);
    for (const u of unknown) if (!isForeignCode(u)) warn(`${option} '${u}' names no dflint rule`);
    return codes;
  };
  if (args.ignore.length) settings.ignored = new Set(names("--ignore", args.ignore));
  if (args.levels.length) {
    const overrides = new Map<string, Level>();
    for (const [level, value] of args.levels) for (const code of names(`--${level}`, [value])) overrides.set(code, level);
    settings.overrides = overrides;
  }
  if (args.experimental.length) settings.experimental = new Set(names("--experimental", args.experimental));
  if (args.trustedRegistries.length) settings.trustedRegistries = args.trustedRegistries;
  if (args.requireLabels.length) settings.labelSchema = new Map(args.requireLabels);
  if (args.strictLabels) settings.strictLabels = true;
  if (args.disableIgnorePragma) settings.disableIgnorePragma = true;
  if (Object.keys(args.buildArgs).length) settings.buildArgs = args.buildArgs;
  return { settings, failureThreshold: args.failureThreshold, noFail: args.noFail || undefined, ...(args.noShellcheck ? { shellcheck: false } : {}) };
}

interface FileOutcome {
  report: FileReport | null;
  failed: boolean;
  error: boolean;
  /** The fixed text of standard input, printed instead of written. */
  fixedStdin?: string;
}

/** Maps items with at most `limit` in flight, results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function lintCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseLintArgs(argv, env);
  if ("help" in parsed || !parsed.ok) return answerUsage(parsed, io, "lint", LINT_HELP);
  const args = parsed.args;
  const warnedOnce = new Set<string>();
  const warn = (message: string) => {
    if (warnedOnce.has(message)) return;
    warnedOnce.add(message);
    io.err(`dflint: warning: ${message}\n`);
  };
  let status = 0;
  const fail = (message: string) => {
    io.err(`dflint: ${message}\n`);
    status = 2;
  };

  if (args.context !== undefined) {
    try {
      if (!(await stat(args.context)).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
    } catch (e) {
      io.err(`dflint: --context ${args.context}: ${(e as NodeJS.ErrnoException).code === "ENOTDIR" ? "not a directory" : ioReason(e)}\n`);
      return 2;
    }
  }

  // The configuration: the --config file for every input, or each file's own.
  const finder = new ConfigFinder(env);
  let explicit: LoadedConfig | null = null;
  if (args.config !== undefined) {
    explicit = await finder.load({ path: args.config, kind: kindOf(args.config) });
    if (!explicit.ok) {
      io.err(`dflint: ${explicit.error}\n`);
      return 2;
    }
  }
  const cli = commandLineLayer(args, warn);
  // Presentation (output format, colour, verbosity) is one for the run: from --config, or the configuration of the current directory.
  const presentation = explicit ?? (await finder.load(await finder.find(process.cwd())));
  const shown = presentation.ok ? presentation.config : { settings: {} };
  const verbose = args.verbose || shown.verbose === true;
  const reportedConfigs = new Set<string>();
  const configFor = async (dir: string): Promise<LoadedConfig> => {
    const loaded = explicit ?? (await finder.load(await finder.find(dir)));
    const key = loaded.ok ? (loaded.file?.path ?? "") : loaded.error;
    if (!reportedConfigs.has(key)) {
      reportedConfigs.add(key);
      if (!loaded.ok) io.err(`dflint: ${loaded.error}\n`);
      else {
        for (const w of loaded.warnings) if (verbose || !w.endsWith("(skipped)")) warn(w);
        if (verbose) io.err(`dflint: configuration: ${loaded.file ? loaded.file.path : "none found"}${args.config === undefined ? ` (for files in ${dir})` : ""}\n`);
      }
    }
    return loaded;
  };

  let formatName = args.format;
  if (!formatName && shown.outputFormat) {
    const f = findFormat(shown.outputFormat);
    if (f) formatName = f.name;
    else warn(`the configuration's format '${shown.outputFormat}' is not one dflint prints; using the default`);
  }
  const isTTY = isTerminal(1);
  formatName ??= isTTY ? "tty" : "text";
  const color =
    args.color ??
    (env.NO_COLOR ? false : env.FORCE_COLOR && env.FORCE_COLOR !== "0" ? true : shown.noColor ? false : isTTY);

  const found = await findFiles(args.files);
  for (const e of found.errors) fail(e);

  const dockerignoreCache = new Map<string, Promise<DockerignoreResult | null>>();
  // ShellCheck is looked for once, when the first file wants it.
  let shellcheck: ShellcheckHook | null | undefined;
  const shellcheckHook = (): ShellcheckHook | null => {
    if (shellcheck === undefined) {
      const found = findShellcheck(env);
      shellcheck = found ? shellcheckRunner(found, env) : null;
      if (verbose) io.err(found ? `dflint: shellcheck: ${found}\n` : "dflint: shellcheck not found on PATH; SC checks skipped (install: apt-get install shellcheck)\n");
    }
    return shellcheck;
  };
  const shellcheckFailures = new Set<string>();
  const lintOne = async (input: Input): Promise<FileOutcome> => {
    const isStdin = input.kind === "stdin";
    const path = input.kind === "file" ? input.path : null;
    const display = path ?? args.stdinFilename ?? "-";
    const read = isStdin
      ? await readInput("-")
      : await readFile(path!).then(
          (bytes): { ok: true; bytes: Uint8Array } => ({ ok: true, bytes }),
          (e: unknown): { ok: false; error: string } => ({ ok: false, error: `cannot read ${path}: ${ioReason(e)}` }),
        );
    if (!read.ok) {
      io.err(`dflint: ${read.error}\n`);
      return { report: null, failed: false, error: true };
    }
    // Standard input is configured as a file named by --stdin-filename would be, else as one in the current directory.
    const named = path ?? (args.stdinFilename !== undefined ? args.stdinFilename : null);
    const dir = named !== null ? dirname(resolve(named)) : process.cwd();
    const loaded = await configFor(dir);
    if (!loaded.ok) return { report: null, failed: false, error: true };
    const config = mergeConfigs(loaded.config, cli);

    // The build context: --context, else the Dockerfile's directory (unknown for nameless standard input).
    const context = args.context ?? (named !== null ? dirname(named) : null);
    let dockerignore: string[] | null = null;
    if (context !== null) {
      const ignore = await readDockerignore(context, named, dockerignoreCache);
      if (!ignore.ok) {
        io.err(`dflint: ${ignore.error}\n`);
        return { report: null, failed: false, error: true };
      }
      dockerignore = ignore.patterns;
      if (verbose && ignore.file) io.err(`dflint: ${display}: ignore patterns from ${ignore.file}\n`);
    }

    const settings: Partial<LintSettings> = { ...config.settings, dockerignore };
    const analyze = { ...(args.target !== undefined ? { target: args.target } : {}), ...(args.platform !== undefined ? { platform: args.platform } : {}) };
    const hook = config.shellcheck === false ? null : shellcheckHook();
    const shellcheckOption = hook ? { shellcheck: hook } : {};
    // The same failure on every file (a broken binary) is said once.
    const noteShellcheck = (linted: LintResult): LintResult => {
      const failure = linted.shellcheckError;
      if (failure !== undefined && !shellcheckFailures.has(failure)) {
        shellcheckFailures.add(failure);
        io.err(`dflint: note: ${display}: ShellCheck failed (${failure}); SC checks skipped\n`);
      }
      return linted;
    };
    const run = (input: string | Uint8Array): LintResult => noteShellcheck(lint(input, { fileName: display, settings, analyze, ...shellcheckOption }));
    let result = run(read.bytes);
    let text = result.tree.text;
    let error = false;
    let fixedStdin: string | undefined;

    if (args.fix && result.findings.some((f) => f.fix && (f.fix.safety === "safe" || args.unsafeFixes))) {
      // Decoding replaced bytes that are not UTF-8; writing the text back would change them.
      if (Buffer.compare(Buffer.from(text, "utf8"), read.bytes) !== 0) {
        warn(`${display}: not fixed: the file is not valid UTF-8`);
      } else {
        const original = text;
        const fixed = fixAll(text, { fileName: display, settings, analyze, unsafe: args.unsafeFixes, ...shellcheckOption }, result);
        const fixes = fixed.fixes;
        ({ text, result } = fixed);
        noteShellcheck(result);
        if (text !== original) {
          if (isStdin) fixedStdin = text;
          else {
            // Loaded only when a fix is written (see fs-async.ts).
            const { writeAtomic } = await import("./write-atomic.js");
            const written = await writeAtomic(path!, text);
            if (!written.ok) {
              io.err(`dflint: ${written.error}\n`);
              error = true;
              // The file is as it was: report what it still holds.
              result = run(read.bytes);
              text = result.tree.text;
            } else if (verbose) io.err(`dflint: ${display}: applied ${fixes} fix${fixes === 1 ? "" : "es"}\n`);
          }
        }
      }
    } else if (isStdin && args.fix) fixedStdin = text;

    const threshold = config.failureThreshold ?? "info";
    const findings = result.findings;
    const failed =
      !config.noFail && (findings.some((f) => isAtOrAbove(f.level, threshold)) || (result.checkError && findings.length > 0));
    return { report: { file: display, text, findings }, failed, error, fixedStdin };
  };

  // A few files in flight at once: enough to overlap reading with linting, few enough for any number of files.
  const outcomes = await mapLimited(found.inputs, 8, lintOne);
  const reports: FileReport[] = [];
  let failed = false;
  let fixedStdin: string | undefined;
  for (const o of outcomes) {
    if (o.error) status = 2;
    if (o.failed) failed = true;
    if (o.report) reports.push(o.report);
    if (o.fixedStdin !== undefined) fixedStdin = o.fixedStdin;
  }
  // The terminal's summary would say "no problems" of files that could not be read.
  const quiet = formatName === "tty" && reports.length === 0;
  const formatted = quiet ? "" : findFormat(formatName)!.format(reports, { color, version: dflintVersion(), unsafeFixes: args.unsafeFixes });
  if (fixedStdin !== undefined) {
    // Fixing standard input prints the fixed text; the findings go to standard error.
    io.out(fixedStdin);
    io.err(formatted);
  } else io.out(formatted);
  if (status === 2) return 2;
  return failed ? 1 : 0;
}

/** dflint's version, for SARIF's tool.driver. */
function dflintVersion(): string | undefined {
  return packageInfo()?.version;
}
