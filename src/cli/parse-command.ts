// `dflint parse`: what the parser makes of files, in dflint's own tree or in BuildKit's terms.
import { buildkitRecord, dumpFile } from "../syntax/buildkit-dump.js";
import { parse } from "../syntax/parse.js";
import type { CliIo } from "./io.js";
import { readInput } from "./read-input.js";
import { PARSE_HELP } from "./usage.js";

const FORMATS = ["json", "buildkit", "buildkit-json"] as const;

export async function parseCommand(args: string[], io: CliIo): Promise<number> {
  let format = "json";
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--help" || a === "-h") {
      io.out(PARSE_HELP + "\n");
      return 0;
    }
    if (a === "--format" || a.startsWith("--format=")) {
      const value = a === "--format" ? args[++i] : a.slice("--format=".length);
      if (!value || !(FORMATS as readonly string[]).includes(value)) {
        io.err(`dflint parse: --format takes one of ${FORMATS.join(", ")}${value ? `, not '${value}'` : ""}\n`);
        return 2;
      }
      format = value;
    } else if (a.startsWith("-") && a !== "-") {
      io.err(`dflint parse: unknown option '${a}' (see dflint parse --help)\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    io.err("dflint parse: no file given (see dflint parse --help)\n");
    return 2;
  }
  let status = 0;
  for (const file of files) {
    const input = await readInput(file);
    if (!input.ok) {
      io.err(`dflint: ${input.error}\n`);
      status = 2;
      continue;
    }
    const result = parse(input.bytes);
    if (format === "buildkit") io.out(dumpFile(result));
    else if (format === "buildkit-json") io.out(JSON.stringify(buildkitRecord(file, result)) + "\n");
    else io.out(JSON.stringify({ file, ...result }, null, 2) + "\n");
  }
  return status;
}
