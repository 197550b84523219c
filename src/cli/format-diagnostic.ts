import type { Diagnostic } from "../syntax/tree.js";

/** One diagnostic as `file:line:column: severity CODE message [name]`, 1-based as editors and compilers print them. */
export function formatDiagnostic(file: string, d: Diagnostic): string {
  const { line, character } = d.range.start;
  return `${file}:${line + 1}:${character + 1}: ${d.severity} ${d.code} ${d.message} [${d.name}]`;
}
