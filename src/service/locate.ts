// Finding things by position: LSP positions to offsets (refusing ones outside the text), the
// instruction and the innermost nodes at an offset, and tree ranges as LSP ranges.
import type { Position as LspPosition, Range as LspRange } from "vscode-languageserver-types";
import { instructionAt } from "../syntax/instruction-at.js";
import type { Dockerfile, Instruction, Range, SyntaxNode } from "../syntax/tree.js";
import type { DocumentAnalysis } from "./analysis.js";

/** A tree range as LSP has it (line and UTF-16 character, no offsets). */
export function lspRange(range: Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

/** The offset of a position, or null when its line is not in the text; a character past the line's end means its end. */
export function offsetOf(analysis: DocumentAnalysis, position: LspPosition): number | null {
  if (!Number.isInteger(position?.line) || !Number.isInteger(position?.character)) return null;
  if (position.line < 0 || position.line >= analysis.index.lineCount || position.character < 0) return null;
  // offsetAt clamps to the next line's start; the end of this line's text is what was meant.
  return Math.min(analysis.index.offsetAt(position.line, position.character), lineEndOffset(analysis, position.line));
}

/** The offset where a line's text ends, before its line break. */
export function lineEndOffset(analysis: DocumentAnalysis, line: number): number {
  const { text, index } = analysis;
  const start = index.offsetAt(line, 0);
  let end = line + 1 < index.lineCount ? index.offsetAt(line + 1, 0) : text.length;
  if (end > start && text[end - 1] === "\n") end--;
  if (end > start && text[end - 1] === "\r") end--;
  return end;
}

/** The instruction at an offset, ONBUILD's trigger rather than ONBUILD itself when the offset is in it. */
export function innermostInstructionAt(tree: Dockerfile, offset: number): Instruction | null {
  let ins = instructionAt(tree, offset);
  while (ins?.trigger && contains(ins.trigger.range, offset)) ins = ins.trigger;
  return ins;
}

export function contains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

/** The nodes holding an offset, outermost first; where two touch at the offset, the one that is not whitespace. */
export function nodePath(root: SyntaxNode, offset: number): SyntaxNode[] {
  const path: SyntaxNode[] = [];
  let node: SyntaxNode | undefined = root;
  while (node) {
    path.push(node);
    let next: SyntaxNode | undefined;
    for (const child of node.children) {
      if (!contains(child.range, offset)) continue;
      if (!next || (isBlank(next) && !isBlank(child))) next = child;
    }
    node = next;
  }
  return path;
}

function isBlank(node: SyntaxNode): boolean {
  return node.kind === "whitespace" || node.kind === "newline" || node.kind === "continuation";
}

/** The top-level comment node on a line, if the line is a comment. */
export function commentOnLine(tree: Dockerfile, offset: number): SyntaxNode | null {
  for (const node of nodePath(tree, offset)) if (node.kind === "comment" || node.kind === "directive") return node;
  return null;
}
