// Provisional findings after an edit must agree with linting the whole file, for nearly every edit
// an editor makes; the exact lint that follows corrects the rest. Measured over random edits to real
// Dockerfiles.
import { readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import type { Finding } from "../../src/lint/engine.js";
import { lint } from "../../src/lint/engine.js";
import { DocumentAnalysis, type DocumentSettings } from "../../src/service/analysis.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

needsShared("the provisional findings tests");

const same = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length && a.every((f, i) => f.code === b[i]!.code && f.range.start.offset === b[i]!.range.start.offset && f.range.end.offset === b[i]!.range.end.offset && f.range.start.line === b[i]!.range.start.line && f.range.end.character === b[i]!.range.end.character);

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe("provisional findings (needs ../shared)", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone"));
  const dir = shared("corpus/real-world/");
  const files = hasShared ? readdirSync(dir).filter((f) => f.includes("__")).sort() : [];

  it("match a full lint for nearly every keystroke, and are used for most", () => {
    const random = seeded(11);
    const settings: DocumentSettings = { lint: {} };
    let total = 0;
    let provisional = 0;
    let agreed = 0;
    for (const name of files.filter((_, i) => i % 25 === 0)) {
      let text = readFileSync(dir + name, "utf8");
      let analysis = new DocumentAnalysis({ uri: "file:///d", version: 1, text }, settings);
      analysis.findings(false);
      void analysis.model;
      for (let version = 2; version < 8; version++) {
        // A keystroke somewhere in a line: a character typed or deleted.
        const at = Math.floor(random() * text.length);
        text = random() < 0.6 ? text.slice(0, at) + "abc $-=\\n"[Math.floor(random() * 9)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
        analysis = new DocumentAnalysis({ uri: "file:///d", version, text }, settings, analysis);
        const result = analysis.findings(true);
        total++;
        if (result.isExact) continue;
        provisional++;
        if (same(result.findings, lint(text).findings)) agreed++;
      }
    }
    expect(provisional / total).toBeGreaterThan(0.8);
    expect(agreed / provisional).toBeGreaterThan(0.95);
  });
});
