// The parser's own diagnostics. Each has a code in the DF0xx range and a kebab-case name, so the
// linter, configuration and pragmas can address them like rules.
import type { Severity } from "./tree.js";

export interface SyntaxProblemInfo {
  code: string;
  name: string;
  severity: Severity;
  summary: string;
}

const info = (code: string, name: string, severity: Severity, summary: string): SyntaxProblemInfo => ({
  code,
  name,
  severity,
  summary,
});

/** Every syntax problem the parser reports, by key. */
export const SYNTAX_PROBLEMS = {
  noInstructions: info("DF001", "no-instructions", "error", "The file has no instructions."),
  unknownInstruction: info("DF002", "unknown-instruction", "error", "The instruction keyword is not one Docker knows."),
  unknownFlag: info("DF003", "unknown-flag", "error", "The flag is not valid for this instruction."),
  duplicateFlag: info("DF004", "duplicate-flag", "error", "A flag that takes one value is given twice."),
  invalidFlagValue: info("DF005", "invalid-flag-value", "error", "A flag's value is missing or not one the flag accepts."),
  invalidMount: info("DF006", "invalid-mount", "error", "A RUN --mount option is unknown or invalid."),
  unterminatedHeredoc: info("DF007", "unterminated-heredoc", "error", "A heredoc body has no terminator line."),
  invalidHeredoc: info("DF008", "invalid-heredoc", "error", "A heredoc delimiter cannot be read."),
  emptyContinuationLine: info("DF009", "empty-continuation-line", "warning", "A blank line inside a continued instruction."),
  duplicateDirective: info("DF010", "duplicate-directive", "error", "A parser directive is given twice."),
  invalidEscapeDirective: info("DF011", "invalid-escape-directive", "error", "The escape directive is not ` or \\."),
  jsonNotStrings: info("DF012", "json-not-strings", "error", "A JSON-form array holds something other than strings."),
  jsonInvalid: info("DF013", "json-invalid", "warning", "Arguments start like JSON form but are not valid JSON, so they run as shell form."),
  missingValue: info("DF014", "missing-value", "error", "ENV or LABEL without a value."),
  missingEquals: info("DF015", "missing-equals", "error", "An ENV or LABEL pair without `=`."),
  lineTooLong: info("DF016", "line-too-long", "error", "A line longer than the 65535 bytes BuildKit reads."),
  binaryContent: info("DF017", "binary-content", "error", "The file contains NUL bytes; it does not look like a Dockerfile."),
  invalidUtf8: info("DF018", "invalid-utf8", "error", "The file is not valid UTF-8."),
  internalError: info("DF099", "internal-error", "error", "dflint could not read this file; please report it."),
} as const;

export type SyntaxProblemKey = keyof typeof SYNTAX_PROBLEMS;
