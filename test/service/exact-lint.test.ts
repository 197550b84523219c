// The editor's exact lint of a version lints the version's own parse, which is re-parsed from the last
// version's where an edit allows, and its model, which other requests share. Its findings must be those
// of linting the text from scratch, message, range and fix alike, keystroke after keystroke.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint/engine.js";
import { DocumentAnalysis, type DocumentSettings } from "../../src/service/analysis.js";

const fixtures = new URL("../../fixtures/", import.meta.url).pathname;

function dockerfiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? dockerfiles(join(dir, e.name)) : /Dockerfile/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe("the editor's exact lint", () => {
  const files = dockerfiles(fixtures);

  it("finds what a lint of the text from scratch finds, after every keystroke", () => {
    expect(files.length).toBeGreaterThan(50);
    const random = seeded(7);
    const settings: DocumentSettings = { lint: {} };
    let versions = 0;
    let reparsed = 0;
    for (const file of files) {
      let text = readFileSync(file, "utf8");
      let analysis = new DocumentAnalysis({ uri: "file:///d", version: 1, text }, settings);
      expect(analysis.findings(false).findings, file).toEqual(lint(text).findings);
      for (let version = 2; version < 6; version++) {
        const at = Math.floor(random() * text.length);
        text = random() < 0.6 ? text.slice(0, at) + "a $-=\\\n#{'"[Math.floor(random() * 10)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
        analysis = new DocumentAnalysis({ uri: "file:///d", version, text }, settings, analysis);
        const exact = analysis.findings(false);
        expect(exact.isExact).toBe(true);
        expect(exact.findings, `${file}, version ${version}`).toEqual(lint(text).findings);
        // The lint's model is the one the version's other requests get.
        expect(exact.model()).toBe(analysis.model);
        versions++;
        if ((analysis as unknown as { parsed: { region: unknown } }).parsed.region) reparsed++;
      }
    }
    // Most keystrokes re-parse only their region, so that path is what is being compared.
    expect(reparsed / versions).toBeGreaterThan(0.5);
  });
});
