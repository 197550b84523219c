// grammar/dockerfile.ne is the source of truth; the compiled grammar/dockerfile.ts is committed and
// must be what nearley makes of it today.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain script shared with scripts/compile-grammar.mjs, without types
import { compileGrammar } from "../scripts/grammar-source.mjs";

describe("grammar", () => {
  it("is compiled from grammar/dockerfile.ne (run `npm run grammar` when this fails)", () => {
    const source = readFileSync(new URL("../grammar/dockerfile.ne", import.meta.url), "utf8");
    const committed = readFileSync(new URL("../grammar/dockerfile.ts", import.meta.url), "utf8");
    expect(committed === compileGrammar(source), "grammar/dockerfile.ts is stale").toBe(true);
  });
});
