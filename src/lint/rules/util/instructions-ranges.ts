// Ranges and edits for parts of instructions, in the Dockerfile's own offsets.
import { LineIndex } from "../../../syntax/line-index.js";
import type { Instruction, Range, SyntaxNode } from "../../../syntax/tree.js";
import { sourceOffset, valueRuns } from "../../../syntax/value-offsets.js";
import type { TextEdit } from "../../rule.js";

// One index for the text being linted; every rule of a lint asks about the same text.
let cached: { text: string; index: LineIndex } | null = null;

/** The range of source offsets [start, end) in `text`. */
export function rangeAt(text: string, start: number, end: number): Range {
  if (!cached || cached.text !== text) cached = { text, index: new LineIndex(text) };
  return cached.index.range(start, end);
}

/** The source range of [start, end) in a node's value (its text leaves joined). */
export function valueRange(text: string, node: SyntaxNode, start: number, end: number): Range {
  const runs = valueRuns(node);
  if (runs.length === 0) return node.range;
  const from = sourceOffset(runs, start);
  return rangeAt(text, from, Math.max(from, sourceOffset(runs, end, true)));
}

/** An edit that deletes a whole instruction with its line break (and its indentation, when alone on its line). */
export function deleteInstruction(text: string, ins: Instruction): TextEdit {
  let start = ins.range.start.offset;
  let end = ins.range.end.offset;
  while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  const atLineStart = start === 0 || text[start - 1] === "\n" || text[start - 1] === "\r";
  if (!atLineStart) start = ins.range.start.offset;
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  if (text.startsWith("\r\n", end)) end += 2;
  else if (text[end] === "\n" || text[end] === "\r") end += 1;
  else if (atLineStart && start > 0) {
    // The last line of a file without a final line break: take the break before it instead.
    start -= text[start - 1] === "\n" && text[start - 2] === "\r" ? 2 : 1;
  }
  return { start, end, text: "" };
}
