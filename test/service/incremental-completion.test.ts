// Completion right after an edit reads the tree up to the edited lines and the previous version's
// model mapped onto this one; it must offer what a fresh analysis of the same text offers.
import { readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { DocumentAnalysis, type DocumentSettings } from "../../src/service/analysis.js";
import { completion } from "../../src/service/completion.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

needsShared("the completion-after-edit tests");

describe("completion after an edit (needs ../shared)", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone"));
  const dir = shared("corpus/real-world/");
  const files = hasShared ? readdirSync(dir).filter((f) => f.includes("__")).sort() : [];

  it("offers the same items as a fresh analysis, for variables, flags and stages", () => {
    const settings: DocumentSettings = { lint: {} };
    let compared = 0;
    for (const name of files.filter((_, i) => i % 20 === 0)) {
      const original = readFileSync(dir + name, "utf8");
      const lines = original.split("\n");
      // The end of each RUN, COPY or ENV line that is not continued: type there as a user would.
      const targets = lines.map((l, i) => [l, i] as const).filter(([l]) => /^(RUN|COPY|ENV|WORKDIR) /.test(l) && !l.endsWith("\\")).slice(0, 3);
      for (const [line, index] of targets) {
        for (const typed of [" $", " ${", " --", " --from="]) {
          const base = new DocumentAnalysis({ uri: "file:///d", version: 1, text: original }, settings);
          void base.model;
          const lineStart = lines.slice(0, index).join("\n").length + (index ? 1 : 0);
          const at = lineStart + line.length;
          const text = original.slice(0, at) + typed + original.slice(at);
          const edited = new DocumentAnalysis({ uri: "file:///d", version: 2, text }, settings, base);
          const fresh = new DocumentAnalysis({ uri: "file:///d", version: 2, text }, settings);
          const position = { line: index, character: line.length + typed.length };
          const labels = (a: DocumentAnalysis) => completion(a, position).items.map((i) => `${i.label} ${i.detail ?? ""}`);
          expect(labels(edited), `${name}:${index + 1} after '${typed}'`).toEqual(labels(fresh));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
