// The dflint command line: argv in, exit code out. 0 clean, 1 problems found, 2 usage or I/O error.
import { readFileSync } from "node:fs";
import { checkCommand } from "./check-command.js";
import type { CliIo } from "./io.js";
import { parseCommand } from "./parse-command.js";
import { MAIN_HELP } from "./usage.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

/** Runs one dflint command. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  switch (first) {
    case undefined:
    case "--help":
    case "-h":
    case "help":
      io.out(MAIN_HELP + "\n");
      return first === undefined ? 2 : 0;
    case "--version":
    case "-v":
      io.out(version() + "\n");
      return 0;
    case "parse":
      return parseCommand(rest, io);
    case "check":
      return checkCommand(rest, io);
    default:
      return checkCommand(argv, io);
  }
}
