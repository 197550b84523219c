// Which instruction holds an offset: findings bind to it for pragmas, editor requests start from it.
import type { Dockerfile, Instruction } from "./tree.js";

/** The instruction whose text holds the offset (its end included), or null on comments and blank lines. */
export function instructionAt(tree: Dockerfile, offset: number): Instruction | null {
  const list = tree.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const ins = list[mid]!;
    if (offset < ins.range.start.offset) hi = mid - 1;
    else if (offset > ins.range.end.offset) lo = mid + 1;
    else return ins;
  }
  return null;
}
