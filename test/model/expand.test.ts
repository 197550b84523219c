// The public expansion API against BuildKit's shell vectors (the lexer itself is tested in
// test/syntax/shell-lex.test.ts), and the property that plain words pass through unchanged.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { expandWord, expandWords } from "../../src/index.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

needsShared("the expansion vectors");

const vectorLines = (name: string) =>
  hasShared ? readFileSync(shared(`conformance/buildkit/shell/${name}`), "utf8").split("\n").map((l) => l.replace(/\r$/, "")) : [];

describe("BuildKit's shell vectors through expandWord and expandWords", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds BuildKit's shell vectors, is not beside this clone"));
  it("envVarTest: every line for all platforms and Unix gives BuildKit's result", () => {
    const env = { PWD: "/home", SHELL: "bash", KOREAN: "한국어", NULL: "" };
    let checked = 0;
    for (const raw of vectorLines("envVarTest")) {
      if (raw.startsWith("#") || raw.trim() === "") continue;
      const [platform, input, expected] = raw.trim().split("|").map((f) => f.trim());
      if (platform === "W") continue; // Windows-only vectors do not apply to Linux builds
      const r = expandWord(input!, env);
      if (expected === "error") expect(r.ok, raw).toBe(false);
      else expect(r, raw).toEqual({ ok: true, value: expected });
      checked++;
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("wordsTest: every line splits into BuildKit's words", () => {
    const env: Record<string, string> = {};
    let checked = 0;
    for (const raw of vectorLines("wordsTest")) {
      if (raw.startsWith("#") || raw === "") continue;
      if (raw.startsWith("ENV ")) {
        const kv = raw.slice(4).replace(/^ +/, "");
        const eq = kv.indexOf("=");
        env[kv.slice(0, eq)] = kv.slice(eq + 1);
        continue;
      }
      const bar = raw.indexOf("|");
      const input = raw.slice(0, bar).trim();
      const expected = raw.slice(bar + 1).replace(/^ +/, "").split(",");
      const r = expandWords(input, env);
      if (expected.length === 1 && expected[0] === "error") expect(r.ok, raw).toBe(false);
      else expect(r, raw).toEqual({ ok: true, words: expected });
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe("expansion", () => {
  it("uses the Dockerfile's escape character", () => {
    expect(expandWord("a`$b", { b: "x" }, { escape: "`" })).toEqual({ ok: true, value: "a$b" });
    expect(expandWord("c:\\dir\\$b", { b: "x" }, { escape: "`" })).toEqual({ ok: true, value: "c:\\dir\\x" });
  });

  it("returns a word without $, quotes or the escape character unchanged", () => {
    // Not only `$` and quotes: BuildKit also removes the escape character, so `a\b` becomes `ab`.
    const plain = fc.string().filter((s) => !/[$'"\\]/.test(s));
    fc.assert(
      fc.property(plain, (word) => {
        expect(expandWord(word, { A: "x" })).toEqual({ ok: true, value: word });
      }),
      { numRuns: 2000 },
    );
  });

  it("reports BuildKit's error for a ${ never closed", () => {
    expect(expandWord("${A:-x", {})).toEqual({ ok: false, error: 'failed to process "${A:-x": syntax error: missing \'}\'' });
  });
});
