// Help texts. Each command's help lists its options and an example.
export const MAIN_HELP = `dflint: a Dockerfile toolchain

Usage:
  dflint [check] FILE...           report syntax problems (exit 1 when there are errors or warnings)
  dflint parse [--format F] FILE   print what the parser makes of a file
  dflint --version | --help

Commands:
  check    Parse each file and report its diagnostics (the default command).
  parse    Print the syntax tree (--format json), BuildKit's AST dump
           (--format buildkit) or BuildKit-shaped records (--format buildkit-json).

FILE may be - for standard input.

Examples:
  dflint Dockerfile
  dflint parse --format buildkit Dockerfile
  dflint parse --format buildkit-json a/Dockerfile b/Dockerfile

Exit codes: 0 clean, 1 problems found, 2 usage or I/O error.`;

export const PARSE_HELP = `Usage: dflint parse [--format json|buildkit|buildkit-json] FILE...

  --format json           the whole lossless syntax tree and the diagnostics (default)
  --format buildkit       BuildKit's AST dump, one line per instruction (as its parser tests print it)
  --format buildkit-json  one JSON line per file, in the record shape of BuildKit observations
                          (file, escape, instructions with dump/lines/original/flags/json/heredocs, warnings;
                          or file and error when BuildKit's parser refuses the file)

Examples:
  dflint parse Dockerfile | jq '.tree.instructions[].name'
  dflint parse --format buildkit Dockerfile`;

export const CHECK_HELP = `Usage: dflint [check] [--format text|json] FILE...

Reports the parser's diagnostics (unknown instructions, invalid flags, unterminated heredocs, ...)
with their locations. Exit 1 when any error or warning is found.

  --format text   file:line:column: severity CODE message [name]  (default)
  --format json   [{"file", "diagnostics": [...]}]

Example:
  dflint Dockerfile`;
