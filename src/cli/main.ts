// The dflint command line: argv in, exit code out. 0 clean, 1 problems found, 2 usage or I/O error.
import type { CliIo } from "./io.js";
import { packageInfo } from "./package-info.js";
import { BUILD_HELP, CONTEXT_HELP, FMT_HELP, LINT_HELP, LSP_HELP, MAIN_HELP, PARSE_HELP, RULES_HELP } from "./usage.js";

// Commands load on use: the linter's rules and shell parser take a while to load, and --version,
// --help and parse need none of them.
const lintCommand = async (args: string[], io: CliIo) => (await import("./lint-command.js")).lintCommand(args, io);
const rulesCommand = async (args: string[], io: CliIo) => (await import("./rules-command.js")).rulesCommand(args, io);
const buildCommand = async (args: string[], io: CliIo) => (await import("./build-command.js")).buildCommand(args, io);
const contextCommand = async (args: string[], io: CliIo) => (await import("./context-command.js")).contextCommand(args, io);
const parseCommand = async (args: string[], io: CliIo) => (await import("./parse-command.js")).parseCommand(args, io);
const fmtCommand = async (args: string[], io: CliIo) => (await import("./fmt-command.js")).fmtCommand(args, io);
const lspCommand = async (args: string[], io: CliIo) => (await import("./lsp-command.js")).lspCommand(args, io);

function version(): string {
  return packageInfo()?.version ?? "unknown";
}

const COMMAND_HELP: Record<string, string> = { lint: LINT_HELP, check: LINT_HELP, rules: RULES_HELP, parse: PARSE_HELP, fmt: FMT_HELP, lsp: LSP_HELP, build: BUILD_HELP, context: CONTEXT_HELP };

/** Runs one dflint command. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  switch (first) {
    case undefined:
    case "--help":
    case "-h":
      io.out(MAIN_HELP + "\n");
      return first === undefined ? 2 : 0;
    case "help": {
      const topic = rest[0];
      if (topic !== undefined && !Object.hasOwn(COMMAND_HELP, topic)) {
        io.err(`dflint: no command '${topic}' (see dflint --help)\n`);
        return 2;
      }
      io.out((topic !== undefined ? COMMAND_HELP[topic]! : MAIN_HELP) + "\n");
      return 0;
    }
    case "--version":
    case "-V":
      io.out(version() + "\n");
      return 0;
    case "-v":
      // hadolint's -v is --version; dflint's is --verbose, except on its own.
      if (rest.length === 0) {
        io.out(version() + "\n");
        return 0;
      }
      return lintCommand(argv, io);
    case "parse":
      return parseCommand(rest, io);
    case "fmt":
      return fmtCommand(rest, io);
    case "rules":
      return rulesCommand(rest, io);
    case "build":
      return buildCommand(rest, io);
    case "context":
      return contextCommand(rest, io);
    case "lsp":
      return lspCommand(rest, io);
    case "lint":
    case "check":
      return lintCommand(rest, io);
    default:
      return lintCommand(argv, io);
  }
}
