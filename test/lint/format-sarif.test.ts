// SARIF output is valid against the SARIF 2.1.0 JSON schema (as shipped by @microsoft/jest-sarif),
// carries the rules that fired, and places results and fixes as dflint found them.
import Ajv from "ajv-draft-04";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import type { Finding } from "../../src/lint/engine.js";
import { formatSarif, sarifLog } from "../../src/lint/format/sarif.js";
import { LineIndex } from "../../src/syntax/line-index.js";

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
// The schema's one `language` pattern is not valid with the u flag; formats (uri, date-time) are checked below by hand.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const valid = validate(log);
  expect(valid ? [] : validate.errors).toEqual([]);
}

const TEXT = "FROM debian\nCOPY --form=build /a /b\n";

function withFix(findings: readonly Finding[]): Finding[] {
  // A fix on the DL3006 finding (tagging the image), to see fixes carried; the formatter does not care which rule fixes.
  return findings.map((f) => (f.code === "DL3006" ? { ...f, fix: { safety: "unsafe" as const, edits: [{ start: f.range.end.offset, end: f.range.end.offset, text: ":12" }] } } : f));
}

describe("--format sarif", () => {
  const { findings } = lint(TEXT);
  const reports = [
    { file: "services/api/Dockerfile", text: TEXT, findings: withFix(findings) },
    { file: "/abs/path with space/Dockerfile", text: TEXT, findings },
    { file: "clean.Dockerfile", text: "FROM scratch\n", findings: [] },
  ];

  it("is valid SARIF 2.1.0", () => {
    expectValid(JSON.parse(formatSarif(reports, { version: "1.2.3" })));
    expectValid(JSON.parse(formatSarif([])));
  });

  it("the validator does reject what is not SARIF", () => {
    const log = sarifLog(reports) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    log.runs[0]!.results[0]!.level = "info";
    expect(validate(log)).toBe(false);
  });

  it("lists the rules that fired, with their docs, and points each result at its rule", () => {
    const log = sarifLog(reports, { version: "1.2.3" }) as any;
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: "dflint", version: "1.2.3" });
    const ids = driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual([...new Set(findings.map((f) => f.code))].sort());
    const dl3006 = driver.rules[ids.indexOf("DL3006")];
    expect(dl3006).toMatchObject({ id: "DL3006", name: "image-untagged", shortDescription: { text: expect.any(String) }, defaultConfiguration: { level: "warning" } });
    expect(dl3006.help.markdown).toContain("```dockerfile\nFROM debian\n```");
    for (const result of log.runs[0].results) expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it("places results 1-based, with relative paths against %SRCROOT% and absolute ones as file URIs", () => {
    const log = sarifLog(reports) as any;
    const results = log.runs[0].results;
    const untagged = results.find((r: any) => r.ruleId === "DL3006");
    expect(untagged.level).toBe("warning");
    expect(untagged.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "services/api/Dockerfile", uriBaseId: "%SRCROOT%" },
      region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 12 },
    });
    const abs = results.filter((r: any) => r.ruleId === "DL3006")[1];
    expect(abs.locations[0].physicalLocation.artifactLocation).toEqual({ uri: "file:///abs/path%20with%20space/Dockerfile" });
    for (const r of results) {
      const uri = r.locations[0].physicalLocation.artifactLocation.uri;
      expect(() => new URL(uri, "file:///root/")).not.toThrow();
      expect(r.partialFingerprints["dflint/v1"]).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(log.runs[0].columnKind).toBe("utf16CodeUnits");
  });

  it("carries fixes as replacements", () => {
    const log = sarifLog(reports) as any;
    const untagged = log.runs[0].results.find((r: any) => r.ruleId === "DL3006");
    expect(untagged.fixes[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 1, startColumn: 12, endLine: 1, endColumn: 12 }, insertedContent: { text: ":12" } },
    ]);
    expect(untagged.fixes[0].description.text).toMatch(/^Unsafe fix/);
  });

  it("maps info and style to note", () => {
    const index = new LineIndex(TEXT);
    const base = lint(TEXT).findings[0]!;
    const styled: Finding = { ...base, level: "style", range: index.range(0, 4) };
    const log = sarifLog([{ file: "Dockerfile", text: TEXT, findings: [styled] }]) as any;
    expect(log.runs[0].results[0].level).toBe("note");
    expectValid(log);
  });
});
