// A document just opened is parsed while its settings are read (DocumentCache.preparse): the analysis
// made once they are known takes that parse, only for the same version and text, and lints exactly
// what a fresh analysis lints.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint/engine.js";
import type { DocumentSettings } from "../../src/service/analysis.js";
import { DocumentCache } from "../../src/service/document-cache.js";

const text = readFileSync(new URL("../../fixtures/examples/Dockerfile", import.meta.url), "utf8");
const settings: DocumentSettings = { lint: { buildArgs: { GO_VERSION: "1.22" } }, target: "runtime" };

describe("the parse of a document made before its settings", () => {
  it("is the parse of the analysis made with them, whose lint is a fresh one's", () => {
    const cache = new DocumentCache();
    const doc = { uri: "file:///p/Dockerfile", version: 1, text };
    const early = cache.preparse(doc);
    expect(early).not.toBeNull();
    const analysis = cache.get(doc, settings);
    expect(analysis.tree).toBe(early!.tree);
    const fresh = lint(text, { settings: settings.lint, analyze: { target: "runtime" } });
    expect(analysis.lint().findings.map((f) => [f.rule, f.message, f.range.start.offset])).toEqual(fresh.findings.map((f) => [f.rule, f.message, f.range.start.offset]));
  });

  it("is not taken by another version or text, nor made for a document the cache already holds", () => {
    const cache = new DocumentCache();
    const doc = { uri: "file:///p/Dockerfile", version: 1, text };
    const early = cache.preparse(doc)!;
    const changed = cache.get({ ...doc, version: 2, text: text + "\nRUN true\n" }, settings);
    expect(changed.tree).not.toBe(early.tree);
    expect(changed.tree.instructions.at(-1)?.name).toBe("RUN");
    expect(cache.preparse({ ...doc, version: 3 })).toBeNull();
  });
});
