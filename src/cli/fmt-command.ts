// `dflint fmt`: format files, directories, globs or standard input. With one input and no mode, the
// formatted text goes to standard output; --write rewrites the files that change (atomically, mode
// kept), --check lists them and exits 1, --diff prints unified diffs. Options come from the defaults,
// then `.editorconfig`, then the configuration's `format:` section, then the command line. A file with
// syntax errors is left as it is, its errors reported, and the exit code is 2.
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import type { FormatOptions } from "../format/format-options.js";
import { isIndentWidth, MAX_INDENT } from "../format/format-options.js";
import { format } from "../format/format.js";
import { unifiedDiff } from "../format/unified-diff.js";
import { distance } from "../lint/config.js";
import { EditorconfigReader } from "./editorconfig.js";
import { ConfigFinder, ioReason, kindOf, type LoadedConfig } from "./find-config.js";
import { findFiles, type Input } from "./find-files.js";
import type { CliIo } from "./io.js";
import { readInput } from "./read-input.js";
import { FMT_HELP } from "./usage.js";
import { writeAtomic } from "./write-atomic.js";

export interface FmtArgs {
  files: string[];
  write: boolean;
  check: boolean;
  diff: boolean;
  config?: string;
  stdinFilename?: string;
  /** What the command line sets, over the configuration. */
  options: FormatOptions;
}

type Parsed = { ok: true; args: FmtArgs } | { ok: false; error: string } | { help: true };

const VALUE_OPTIONS = ["--indent", "--config", "--stdin-filename"] as const;
const SWITCHES = ["--write", "--check", "--diff", "--shell", "--no-shell", "--break-chains", "--no-break-chains", "--help"] as const;
const SHORT: Record<string, string> = { "-w": "--write", "-d": "--diff", "-c": "--config", "-h": "--help" };

/** Reads fmt's command line. */
export function parseFmtArgs(argv: readonly string[]): Parsed {
  const args: FmtArgs = { files: [], write: false, check: false, diff: false, options: {} };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (onlyFiles || raw === "-" || !raw.startsWith("-")) {
      args.files.push(raw);
      continue;
    }
    if (raw === "--") {
      onlyFiles = true;
      continue;
    }
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const name = SHORT[eq > 0 ? raw.slice(0, eq) : raw] ?? (eq > 0 ? raw.slice(0, eq) : raw);
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    if ((SWITCHES as readonly string[]).includes(name)) {
      if (inline !== undefined) return { ok: false, error: `${name} takes no value` };
      if (name === "--help") return { help: true };
      if (name === "--write") args.write = true;
      else if (name === "--check") args.check = true;
      else if (name === "--diff") args.diff = true;
      else if (name === "--shell" || name === "--no-shell") args.options.shell = name === "--shell";
      else args.options.breakChains = name === "--break-chains";
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) return { ok: false, error: `unknown option '${raw}'${suggestOption(name)}` };
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) return { ok: false, error: `${name} needs a value` };
    if (name === "--indent") {
      const indent = value === "tab" ? "tab" : /^\d+$/.test(value) ? Number(value) : NaN;
      if (indent !== "tab" && !isIndentWidth(indent)) return { ok: false, error: `--indent takes a number of spaces from 1 to ${MAX_INDENT} or 'tab', not '${value}'` };
      args.options.indent = indent;
    } else if (name === "--config") args.config = value;
    else args.stdinFilename = value;
  }
  if (args.write && args.check) return { ok: false, error: "--write and --check do not go together: --check only tells which files would change" };
  return { ok: true, args };
}

function suggestOption(name: string): string {
  let best = "";
  let bestDistance = Infinity;
  for (const o of [...VALUE_OPTIONS, ...SWITCHES]) {
    const d = distance(name, o);
    if (d < bestDistance) [best, bestDistance] = [o, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? ` (did you mean '${best}'?)` : "";
}

/** Runs `dflint fmt`; returns the exit code. */
export async function fmtCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseFmtArgs(argv);
  if ("help" in parsed) {
    io.out(FMT_HELP + "\n");
    return 0;
  }
  if (!parsed.ok) {
    io.err(`dflint: ${parsed.error} (see dflint fmt --help)\n`);
    return 2;
  }
  const args = parsed.args;
  if (args.files.length === 0 && args.stdinFilename !== undefined) args.files.push("-");
  if (args.files.length === 0) {
    io.err("dflint: no file given (see dflint fmt --help)\n");
    return 2;
  }

  const finder = new ConfigFinder(env);
  let explicit: LoadedConfig | null = null;
  if (args.config !== undefined) {
    explicit = await finder.load({ path: args.config, kind: kindOf(args.config) });
    if (!explicit.ok) {
      io.err(`dflint: ${explicit.error}\n`);
      return 2;
    }
  }
  const editorconfig = new EditorconfigReader();
  const reported = new Set<string>();

  const found = await findFiles(args.files);
  let status = 0;
  for (const e of found.errors) {
    io.err(`dflint: ${e}\n`);
    status = 2;
  }
  const toStdout = !args.write && !args.check && !args.diff;
  if (toStdout && found.inputs.length > 1) {
    io.err("dflint: several files to format: give --write to rewrite them, --check to list those that would change, or --diff\n");
    return 2;
  }

  let wouldChange = 0;
  for (const input of found.inputs) {
    const outcome = await formatOne(input);
    if (outcome === "error") status = 2;
    else if (outcome === "changed") wouldChange++;
  }
  if (args.check && wouldChange > 0) {
    io.err(`dflint: ${wouldChange} file${wouldChange === 1 ? "" : "s"} would be reformatted\n`);
    if (status === 0) status = 1;
  }
  return status;

  async function formatOne(input: Input): Promise<"changed" | "same" | "error"> {
    const isStdin = input.kind === "stdin";
    const path = input.kind === "file" ? input.path : null;
    const display = path ?? args.stdinFilename ?? "-";
    const read = isStdin ? await readInput("-") : await readFile(path!).then(
      (bytes) => ({ ok: true as const, bytes }),
      (e: unknown) => ({ ok: false as const, error: `cannot read ${path}: ${ioReason(e)}` }),
    );
    if (!read.ok) {
      io.err(`dflint: ${read.error}\n`);
      return "error";
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
    } catch {
      io.err(`dflint: ${display}: not valid UTF-8; left as it is\n`);
      return "error";
    }
    // Standard input is configured like a file named by --stdin-filename, else like a Dockerfile here.
    const named = path ?? args.stdinFilename ?? "Dockerfile";
    const options = await optionsFor(named);
    if (!options.ok) {
      io.err(`dflint: ${options.error}\n`);
      return "error";
    }
    const result = format(text, options.options);
    for (const d of result.diagnostics) {
      io.err(`dflint: ${display}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.code} ${d.message}\n`);
    }
    const failed = result.diagnostics.some((d) => d.severity === "error");
    if (failed) io.err(`dflint: ${display}: not formatted\n`);
    if (toStdout || (isStdin && args.write)) io.out(result.text);
    if (args.diff && result.changed) {
      const name = isAbsolute(display) || isStdin ? display : `a/${display}`;
      io.out(unifiedDiff(text, result.text, name, name === display ? display : `b/${display}`));
    }
    if (args.check && result.changed && !args.diff) io.out(display + "\n");
    if (args.write && result.changed && !isStdin) {
      const written = await writeAtomic(path!, result.text);
      if (!written.ok) {
        io.err(`dflint: ${written.error}\n`);
        return "error";
      }
    }
    if (failed) return "error";
    return result.changed ? "changed" : "same";
  }

  async function optionsFor(file: string): Promise<{ ok: true; options: FormatOptions } | { ok: false; error: string }> {
    const loaded = explicit ?? (await finder.load(await finder.find(dirname(resolve(file)))));
    if (!loaded.ok) {
      // Said once per configuration file; each of its files still fails.
      if (reported.has(loaded.error)) return { ok: false, error: `${file}: not formatted (configuration error above)` };
      reported.add(loaded.error);
      return loaded;
    }
    const indent = await editorconfig.indentFor(file);
    return { ok: true, options: { ...(indent !== undefined ? { indent } : {}), ...loaded.config.formatter, ...args.options } };
  }
}
