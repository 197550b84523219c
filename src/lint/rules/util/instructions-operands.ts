// The operands of COPY and ADD (sources, then the destination) as hadolint reads them: each word or
// JSON string with its quotes dropped, heredoc markers told apart.
import type { Heredoc, Instruction, JsonString, Range, Word } from "../../../syntax/tree.js";

export interface Operand {
  /** The word as written (quotes kept), or the decoded JSON string. */
  raw: string;
  /** Leading and trailing quotes dropped, as hadolint's `dropQuotes` does. */
  path: string;
  node: Word | JsonString;
  range: Range;
  /** The heredoc this operand's `<<EOF` marker opens, if it is one. */
  heredoc: Heredoc | null;
}

export interface CopyOperands {
  sources: Operand[];
  dest: Operand;
}

/** Quotes dropped from both ends (hadolint's `dropQuotes`: any run of `"` and `'`). */
export function unquote(text: string): string {
  return text.replace(/^["']+/, "").replace(/["']+$/, "");
}

/** Sources and destination of a COPY or ADD (or of its ONBUILD trigger's), or null with fewer than two operands. */
export function copyOperands(ins: Instruction): CopyOperands | null {
  const operands: Operand[] = [];
  for (const arg of ins.args) {
    if (arg.kind === "word") {
      const heredoc = ins.heredocs.find((h) => h.markerRange.start.offset >= arg.range.start.offset && h.markerRange.end.offset <= arg.range.end.offset) ?? null;
      operands.push({ raw: arg.value, path: unquote(arg.value), node: arg, range: arg.range, heredoc });
    } else if (arg.kind === "json-array") {
      for (const e of arg.elements) operands.push({ raw: e.value, path: unquote(e.value), node: e, range: e.range, heredoc: null });
    }
  }
  if (operands.length < 2) return null;
  return { sources: operands.slice(0, -1), dest: operands[operands.length - 1]! };
}
