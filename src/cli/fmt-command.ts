// `dflint fmt`: format files, directories, globs or standard input. With one input and no mode, the
// formatted text goes to standard output; --write rewrites the files that change (atomically, mode
// kept), --check lists them and exits 1, --diff prints unified diffs. Options come from the defaults,
// then `.editorconfig`, then the configuration's `format:` section, then the command line. A file with
// syntax errors is left as it is, its errors reported, and the exit code is 2.
import { readFile } from "./fs-async.js";
import { dirname, isAbsolute, resolve } from "node:path";
import type { FormatOptions } from "../format/format-options.js";
import { isIndentWidth, MAX_INDENT } from "../format/format-options.js";
import { format } from "../format/format.js";
import { unifiedDiff } from "../format/unified-diff.js";
import { EditorconfigReader } from "./editorconfig.js";
import { ConfigFinder, kindOf, type LoadedConfig } from "./find-config.js";
import { ioReason } from "../build/io-reason.js";
import { findFiles, type Input } from "./find-files.js";
import type { CliIo } from "./io.js";
import { readInput } from "./read-input.js";
import { answerUsage, checked, readOptions, text, type Checked, type OptionTable, type Refusal } from "./read-options.js";
import { FMT_HELP } from "./usage.js";

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

type Parsed = { ok: true; args: FmtArgs } | Refusal | { help: true };

const FMT_OPTIONS = {
  "--indent": { value: readIndent },
  "--config": { short: "-c", value: text },
  "--stdin-filename": { value: text },
  "--write": { short: "-w" },
  "--check": {},
  "--diff": { short: "-d" },
  "--shell": {},
  "--no-shell": { key: "--shell", sets: false },
  "--break-chains": {},
  "--no-break-chains": { key: "--break-chains", sets: false },
} as const satisfies OptionTable;

function readIndent(value: string): Checked<number | "tab"> {
  const indent = value === "tab" ? "tab" : /^\d+$/.test(value) ? Number(value) : NaN;
  return checked(indent === "tab" || isIndentWidth(indent) ? indent : null, `--indent takes a number of spaces from 1 to ${MAX_INDENT} or 'tab', not '${value}'`);
}

/** Reads fmt's command line. */
export function parseFmtArgs(argv: readonly string[]): Parsed {
  const read = readOptions(argv, FMT_OPTIONS);
  if ("help" in read || !read.ok) return read;
  const o = read.options;
  if (o["--write"] && o["--check"]) return { ok: false, error: "--write and --check do not go together: --check only tells which files would change" };
  const files = read.operands;
  if (files.length === 0 && o["--stdin-filename"] !== undefined) files.push("-");
  if (files.length === 0) return { ok: false, error: "no file given" };
  const options: FormatOptions = {
    ...(o["--indent"] !== undefined ? { indent: o["--indent"] } : {}),
    ...(o["--shell"] !== undefined ? { shell: o["--shell"] } : {}),
    ...(o["--break-chains"] !== undefined ? { breakChains: o["--break-chains"] } : {}),
  };
  return { ok: true, args: { files, write: o["--write"] ?? false, check: o["--check"] ?? false, diff: o["--diff"] ?? false, config: o["--config"], stdinFilename: o["--stdin-filename"], options } };
}

/** Runs `dflint fmt`; returns the exit code. */
export async function fmtCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseFmtArgs(argv);
  if ("help" in parsed || !parsed.ok) return answerUsage(parsed, io, "fmt", FMT_HELP);
  const args = parsed.args;

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
      // Loaded only when a file is written (see fs-async.ts).
      const { writeAtomic } = await import("./write-atomic.js");
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
