// `dflint parse`: what the parser makes of files, in dflint's own tree or in BuildKit's terms.
import { buildkitRecord, dumpFile } from "../syntax/buildkit-dump.js";
import { parse } from "../syntax/parse.js";
import type { CliIo } from "./io.js";
import { readInput } from "./read-input.js";
import { answerUsage, oneOf, readOptions, type OptionTable } from "./read-options.js";
import { PARSE_HELP } from "./usage.js";

const FORMATS = ["json", "buildkit", "buildkit-json"] as const;

const PARSE_OPTIONS = {
  "--format": { value: oneOf(FORMATS, `--format takes one of ${FORMATS.join(", ")}`) },
} as const satisfies OptionTable;

export async function parseCommand(args: string[], io: CliIo): Promise<number> {
  const read = readOptions(args, PARSE_OPTIONS);
  if ("help" in read || !read.ok) return answerUsage(read, io, "parse", PARSE_HELP, "dflint parse");
  const files = read.operands;
  if (files.length === 0) return answerUsage({ ok: false, error: "no file given" }, io, "parse", PARSE_HELP, "dflint parse");
  const format = read.options["--format"] ?? "json";
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
