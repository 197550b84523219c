// The formatter's own diagnostics (DF3xx).
import type { SyntaxProblemInfo } from "../syntax/syntax-problems.js";

/** What the formatter reports besides the parser's syntax errors. */
export const FORMAT_PROBLEMS = {
  checkFailed: {
    code: "DF301",
    name: "format-check-failed",
    severity: "error",
    summary: "The formatted text would not mean the same to BuildKit, or the formatter failed, so the file was left as it was (a bug in dflint; please report it).",
  },
} as const satisfies Record<string, SyntaxProblemInfo>;
