// format(): Dockerfile text in, formatted text out, safe by construction. The file is parsed, laid out
// again from its lossless tree, and each instruction whose text changed is parsed again: unless
// BuildKit would read it exactly as before (changedInstructionsCheck), the old text is returned with a
// diagnostic. A file with syntax errors is returned as it is, with its errors.
import { parse } from "../syntax/parse.js";
import type { Diagnostic, Range } from "../syntax/tree.js";
import { resolveFormatOptions, type FormatOptions } from "./format-options.js";
import { FORMAT_PROBLEMS } from "./format-problems.js";
import { changedInstructionsCheck } from "./changed-instructions-check.js";
import { posixShellInstructions } from "./posix-shell-instructions.js";
import { printFile } from "./print-file.js";
import { isSameShellTree } from "./shell-printer.js";

export interface FormatResult {
  /** The formatted text; the input itself when it has syntax errors or could not be formatted safely. */
  text: string;
  /** Whether `text` differs from the input. */
  changed: boolean;
  /** The syntax errors that kept the file as it was, or the formatter's own problems (DF3xx). */
  diagnostics: Diagnostic[];
}

/** Formats a Dockerfile; never throws, and never returns text that BuildKit would read differently. */
export function format(text: string, options: FormatOptions = {}): FormatResult {
  try {
    return formatText(text, options);
  } catch (e) {
    // A bug, not the file's fault: the file is left as it was, and the failure said.
    const message = `The formatter failed (${(e as Error)?.message ?? String(e)}); the file is left as it was. Please report this.`;
    return { text, changed: false, diagnostics: [problem(FORMAT_PROBLEMS.checkFailed, message, parse(text).tree.range)] };
  }
}

function formatText(text: string, options: FormatOptions): FormatResult {
  const before = parse(text);
  const errors = before.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { text, changed: false, diagnostics: errors };
  const resolved = resolveFormatOptions(options);
  const posixShell = posixShellInstructions(before.tree);
  const printed = printFile(before.tree, resolved, posixShell);
  if (printed.text === text) return { text, changed: false, diagnostics: [] };
  const change = changedInstructionsCheck(before, printed.changed, printed.newline, { posixShell, ...(resolved.shell ? { isSameShellTree } : {}) });
  if (change) {
    const info = FORMAT_PROBLEMS.checkFailed;
    const range = change.instruction?.range ?? before.tree.range;
    return { text, changed: false, diagnostics: [problem(info, `Formatting would change what BuildKit reads (${change.message}); the file is left as it was. Please report this.`, range)] };
  }
  return { text: printed.text, changed: true, diagnostics: [] };
}

function problem(info: { code: string; name: string; severity: Diagnostic["severity"] }, message: string, range: Range): Diagnostic {
  return { code: info.code, name: info.name, severity: info.severity, message, range };
}
