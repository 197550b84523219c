// Where a ShellCheck comment lies in the Dockerfile: its line and code-point column in the text ShellCheck
// read, less the prefix lines, then through the script's runs to the source (continuations and comment
// lines of the RUN skipped, heredoc tabs of `<<-` put back).
import type { LineIndex } from "../syntax/line-index.js";
import type { Range } from "../syntax/tree.js";
import { sourceOffset } from "../syntax/value-offsets.js";
import type { ShellcheckComment } from "./shellcheck-hook.js";
import type { ScriptToCheck } from "./shellcheck-scripts.js";

/** The Dockerfile range of a comment on a script, or null when it points into the prefix dflint added. */
export function shellcheckRange(comment: ShellcheckComment, script: ScriptToCheck, index: LineIndex): Range | null {
  const { text, runs } = script.source;
  const line = comment.line - script.prefixLines;
  if (line < 1 || runs.length === 0) return null;
  const starts = lineStarts(text);
  const start = offsetOf(text, starts, line, comment.column);
  let end = Math.max(start, offsetOf(text, starts, comment.endLine - script.prefixLines, comment.endColumn));
  // ShellCheck marks some points (a missing `fi`, the spot of a parse error) with no width; one character shows.
  if (end === start && start < text.length && text[start] !== "\n") end = start + 1;
  const s = sourceOffset(runs, start);
  return index.range(s, Math.max(s, sourceOffset(runs, end, true)));
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

// Line and column are 1-based; the column counts code points. Out-of-range values are clamped to the text.
function offsetOf(text: string, starts: readonly number[], line: number, column: number): number {
  if (line < 1) return 0;
  if (line > starts.length) return text.length;
  const lineStart = starts[line - 1]!;
  const lineEnd = line < starts.length ? starts[line]! - 1 : text.length;
  let at = lineStart;
  for (let n = 1; n < column && at < lineEnd; n++) {
    const c = text.charCodeAt(at);
    at += c >= 0xd800 && c <= 0xdbff && at + 1 < lineEnd ? 2 : 1;
  }
  return at;
}
