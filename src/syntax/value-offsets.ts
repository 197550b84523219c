// A node's value is its `text` leaves joined: continuations, the comment lines inside them and the
// blank lines they skip are not part of it. These map offsets in that value back to the source.
import type { SyntaxNode, Token } from "./tree.js";

/** [valueOffset, sourceOffset, length] runs of a node's value, in order. */
export type ValueRuns = Array<[number, number, number]>;

/** The runs of source text that make up a node's value (its `text` leaves). */
export function valueRuns(node: SyntaxNode): ValueRuns {
  const runs: ValueRuns = [];
  let at = 0;
  const walk = (n: SyntaxNode) => {
    if (n.kind === "text") {
      const t = n as Token;
      runs.push([at, t.range.start.offset, t.text.length]);
      at += t.text.length;
    } else if (n.kind !== "continuation" && n.kind !== "newline" && n.kind !== "comment" && n.kind !== "whitespace") {
      for (const c of n.children) walk(c);
    }
  };
  walk(node);
  return runs;
}

/** The source offset of a value offset (an end offset maps to just after the previous character). */
export function sourceOffset(runs: ValueRuns, valueOffset: number, isEnd = false): number {
  if (runs.length === 0) return 0;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const v = runs[mid]![0];
    if (isEnd ? v < valueOffset : v <= valueOffset) lo = mid;
    else hi = mid - 1;
  }
  const [v, s, len] = runs[lo]!;
  return s + Math.min(Math.max(valueOffset - v, 0), len);
}
