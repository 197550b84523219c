// The parser remembers the grammar's shape per token-type sequence (src/syntax/shape-memo.ts). That is only
// right while the grammar's answer depends on token types alone: every instruction of the project's rule
// fixtures and of the real-world corpus must get from the memo exactly what the grammar gives it.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runGrammar } from "../../src/syntax/parse.js";
import { scan } from "../../src/syntax/scan.js";
import { memoShape } from "../../src/syntax/shape-memo.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

needsShared("the shape memo test on the corpus");

/** Instructions whose remembered shape differs from the grammar's own; also how many were checked. */
function disagreements(texts: readonly string[]): { checked: number; wrong: string[] } {
  const wrong: string[] = [];
  let checked = 0;
  // Twice: the first pass fills the memo, the second reads every instruction back from it.
  for (let pass = 0; pass < 2; pass++) {
    for (const text of texts) {
      for (const item of scan(text).items) {
        if (item.kind !== "instruction") continue;
        const tokens = item.instruction.split.tokens;
        const direct = runGrammar(tokens);
        const memo = memoShape(tokens, runGrammar);
        checked++;
        try {
          expect(memo).toEqual(direct);
        } catch {
          wrong.push(item.instruction.line);
        }
      }
    }
  }
  return { checked, wrong };
}

describe("the grammar shape memo", () => {
  it("gives every instruction of the rule fixtures the grammar's own shape", () => {
    const dir = new URL("../../fixtures/rules/", import.meta.url);
    const texts = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith("Dockerfile"))
      .map((e) => readFileSync(`${e.parentPath}/${e.name}`, "utf8"));
    const { checked, wrong } = disagreements(texts);
    expect(checked).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });

  it("tells the legacy ENV form from key=value by the `=`, which the grammar reads", () => {
    const { wrong } = disagreements(["FROM a\nENV A 1\nENV B=2\nENV C 3\nENV D=4\nLABEL x y\nLABEL x=y\n"]);
    expect(wrong).toEqual([]);
  });

  it("gives every instruction of the real-world corpus the grammar's own shape (needs ../shared)", (ctx) => {
    ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone");
    const dir = shared("corpus/real-world/");
    const texts = readdirSync(dir)
      .filter((f) => f !== "README.md" && f !== "MANIFEST.tsv")
      .map((f) => readFileSync(dir + f, "utf8"));
    const { checked, wrong } = disagreements(texts);
    expect(checked).toBeGreaterThan(20_000); // some 12,000 instructions, read twice
    expect(wrong).toEqual([]);
  });
});
