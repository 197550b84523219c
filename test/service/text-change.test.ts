// textChange compares two versions of a document by chunks: it must find the same span as a plain
// character-by-character comparison, whatever the lengths and wherever the change sits.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textChange } from "../../src/service/incremental-parse.js";

function plainChange(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < max - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

describe("textChange", () => {
  it("agrees with a character-by-character comparison on edits of every size and place", () => {
    // Few letters, so that repeats around the edit (where prefix and suffix could overlap) are common.
    const text = fc.string({ unit: fc.constantFrom("a", "b", "\n"), maxLength: 1500 });
    fc.assert(
      fc.property(text, fc.nat(), fc.nat({ max: 600 }), text, (base, at, removed, inserted) => {
        const i = at % (base.length + 1);
        const after = base.slice(0, i) + inserted.slice(0, 40) + base.slice(i + removed);
        expect(textChange(base, after)).toEqual(plainChange(base, after));
        expect(textChange(after, base)).toEqual(plainChange(after, base));
      }),
      { numRuns: 500 },
    );
  });

  it("finds one keystroke in a long document, and no change between equal texts", () => {
    const doc = "RUN echo hello world\n".repeat(3000);
    const at = doc.length / 2 + 7;
    expect(textChange(doc, doc.slice(0, at) + "x" + doc.slice(at))).toEqual({ start: at, oldEnd: at, newEnd: at + 1 });
    expect(textChange(doc, doc)).toEqual({ start: doc.length, oldEnd: doc.length, newEnd: doc.length });
  });
});
