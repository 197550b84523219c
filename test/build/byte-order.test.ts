// Names sort as Go sorts them, by UTF-8 bytes: the shortcut through JavaScript's string order agrees
// with comparing bytes, with and without characters above U+FFFF.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortByBytes } from "../../src/build/byte-order.js";

const asBytes = (names: string[]) => [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe("sortByBytes", () => {
  it("puts a character above U+FFFF after U+E000-U+FFFF, as UTF-8 does and UTF-16 does not", () => {
    const names = ["\u{1F600}.txt", "\uFF21.txt", "a.txt", "\uE000"];
    expect(sortByBytes([...names], (n) => n)).toEqual(["a.txt", "\uE000", "\uFF21.txt", "\u{1F600}.txt"]);
    expect([...names].sort()).not.toEqual(asBytes(names)); // the shortcut alone would be wrong here
  });

  it("agrees with a byte comparison on any names", () => {
    // Any code points, and names made of the characters around the places where the two orders part.
    const edges = fc.constantFrom("a", "B", ".", "-", "\u00e9", "\uD7FF", "\uE000", "\uFFFD", "\u{10000}", "\u{1F600}");
    const name = fc.oneof(fc.string({ unit: "binary", maxLength: 6 }), fc.string({ unit: edges, maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 30 }), (names) => {
        expect(sortByBytes([...names], (n) => n)).toEqual(asBytes(names));
      }),
    );
  });

  it("sorts objects by their key", () => {
    expect(sortByBytes([{ name: "b" }, { name: "\u{1F600}" }, { name: "a" }], (e) => e.name).map((e) => e.name)).toEqual(["a", "b", "\u{1F600}"]);
  });
});
