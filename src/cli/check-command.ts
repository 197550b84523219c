// `dflint FILE` / `dflint check FILE`: the parser's diagnostics for each file. The linter's rules
// join these when they land.
import { parse } from "../syntax/parse.js";
import { formatDiagnostic } from "./format-diagnostic.js";
import type { CliIo } from "./io.js";
import { readInput } from "./read-input.js";
import { CHECK_HELP } from "./usage.js";

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  let format = "text";
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--help" || a === "-h") {
      io.out(CHECK_HELP + "\n");
      return 0;
    }
    if (a === "--format" || a.startsWith("--format=")) {
      const value = a === "--format" ? args[++i] : a.slice("--format=".length);
      if (value !== "text" && value !== "json") {
        io.err(`dflint: --format takes text or json${value ? `, not '${value}'` : ""}\n`);
        return 2;
      }
      format = value;
    } else if (a.startsWith("-") && a !== "-") {
      io.err(`dflint: unknown option '${a}' (see dflint --help)\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    io.err("dflint: no file given (see dflint --help)\n");
    return 2;
  }
  let status = 0;
  const report: Array<{ file: string; diagnostics: unknown[] }> = [];
  for (const file of files) {
    const input = await readInput(file);
    if (!input.ok) {
      io.err(`dflint: ${input.error}\n`);
      status = 2;
      continue;
    }
    const { diagnostics } = parse(input.bytes);
    if (diagnostics.some((d) => d.severity === "error" || d.severity === "warning")) status = Math.max(status, 1);
    if (format === "json") report.push({ file, diagnostics });
    else for (const d of diagnostics) io.out(formatDiagnostic(file, d) + "\n");
  }
  if (format === "json") io.out(JSON.stringify(report, null, 2) + "\n");
  return status;
}
