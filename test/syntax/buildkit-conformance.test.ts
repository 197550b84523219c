// dflint's parser against BuildKit's own: its parser test vectors, and what its parser was observed
// to make of 40 edge cases and of every file of the real-world corpus.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { buildkitRecord, dumpFile, isParserError, parse } from "../../src/index.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

needsShared("the BuildKit conformance tests");

const dirs = (path: string) => (hasShared ? readdirSync(shared(path)).sort() : []);

describe("BuildKit parser test vectors", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds BuildKit's parser vectors, is not beside this clone"));
  it.each(dirs("conformance/buildkit/parser"))("parser/%s dumps as BuildKit's result", (name) => {
    const dir = shared(`conformance/buildkit/parser/${name}/`);
    const result = parse(readFileSync(dir + "Dockerfile"));
    expect(dumpFile(result)).toBe(readFileSync(dir + "result", "utf8"));
    expect(result.diagnostics.filter(isParserError)).toEqual([]);
  });

  it.each(dirs("conformance/buildkit/parser-negative"))("parser-negative/%s is an error", (name) => {
    const result = parse(readFileSync(shared(`conformance/buildkit/parser-negative/${name}/Dockerfile`)));
    const errors = result.diagnostics.filter(isParserError);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.severity).toBe("error");
  });

  it("parser-line-numbers: start and end lines match", () => {
    const dir = shared("conformance/buildkit/parser-line-numbers/");
    const expected = JSON.parse(readFileSync(dir + "expected.json", "utf8"));
    const { tree } = parse(readFileSync(dir + "Dockerfile"));
    expect(tree.directives.map((d) => [d.name, d.value])).toEqual([["escape", "\\"]]);
    expect(
      tree.instructions.map((i) => ({ instruction: i.name, startLine: i.startLine, endLine: i.endLine })),
    ).toEqual(expected.children);
    expect([tree.instructions[0]!.startLine, tree.instructions.at(-1)!.endLine]).toEqual([
      expected.root.startLine,
      expected.root.endLine,
    ]);
    // The ranges say the same in LSP terms (0-based lines).
    for (const [i, ins] of tree.instructions.entries()) {
      expect(ins.range.start.line + 1).toBe(expected.children[i].startLine);
      expect(ins.range.end.line + 1).toBe(expected.children[i].endLine);
    }
  });
});

interface Observed {
  file: string;
  error?: string;
  [key: string]: unknown;
}

function observed(name: string): Observed[] {
  if (!hasShared) return [];
  return readFileSync(shared(`conformance/buildkit-observed/${name}.jsonl`), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Observed);
}

function compare(expected: Observed, path: string) {
  const result = parse(readFileSync(path));
  const got = buildkitRecord(expected.file, result);
  if (expected.error !== undefined) {
    expect(got.error, `BuildKit refuses this file: ${expected.error}`).toBeDefined();
  } else {
    expect(got).toEqual(expected);
  }
  return result;
}

describe("BuildKit's parser, observed", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the engine observations, is not beside this clone"));
  const cases = observed("cases");
  it("has all 40 edge cases", () => expect(cases.length).toBe(40));
  it.each(cases.map((c) => [c.file, c] as const))("cases/%s", (file, expected) => {
    compare(expected, shared(`conformance/buildkit-observed/cases/${file}`));
  });

  const corpus = observed("corpus");
  it("covers every corpus file", () => {
    const files = readdirSync(shared("corpus/real-world")).filter((f) => f !== "README.md" && f !== "MANIFEST.tsv");
    expect(corpus.map((c) => c.file).sort()).toEqual(files.sort());
  });
  it("agrees on every corpus file, with no error diagnostic", () => {
    const mismatches: string[] = [];
    for (const expected of corpus) {
      const path = shared(`corpus/real-world/${expected.file}`);
      if (!existsSync(path)) {
        mismatches.push(`${expected.file}: missing`);
        continue;
      }
      try {
        const result = compare(expected, path);
        const errors = result.diagnostics.filter((d) => d.severity === "error");
        if (errors.length) mismatches.push(`${expected.file}: ${errors.map((e) => e.message).join("; ")}`);
      } catch (e) {
        mismatches.push(`${expected.file}: ${String(e).split("\n")[0]}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
