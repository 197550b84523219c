// The fix properties of issue 4, on every file of the real-world corpus and on generated Dockerfiles:
// after `--fix` (or `--unsafe-fixes`) a second lint finds nothing fixable of that class, and no syntax
// error or error-level finding was added; each fix alone changes only what its rule says it changes
// (test/lint/fix-meaning.ts).
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { fixAll, isParserError, lint, parse, type Finding, type LintResult } from "../../src/index.js";
import { hasShared, needsShared, shared } from "../shared-data.js";
import { dockerfileArbitrary } from "../syntax/dockerfile-arbitrary.js";
import { fixProblems, grown, read } from "./fix-meaning.js";
import { fixableDockerfile } from "./fixable-arbitrary.js";

const isFixable = (f: Finding, unsafe: boolean) => f.fix !== undefined && (unsafe || f.fix.safety === "safe");

/** What is wrong with fixing the whole file, as `dflint --fix` does. */
function fixPassProblems(text: string, linted: LintResult, unsafe: boolean): string[] {
  if (!linted.findings.some((f) => isFixable(f, unsafe))) return [];
  const fixed = fixAll(text, { unsafe }, linted);
  const problems: string[] = [];
  for (const f of fixed.result.findings) {
    if (isFixable(f, unsafe)) problems.push(`${f.code} is still fixable on line ${f.range.start.line + 1}: ${f.message}`);
  }
  const errors = (r: LintResult) => new Map(countCodes(r.findings.filter((f) => f.level === "error")));
  for (const code of grown(errors(linted), errors(fixed.result))) problems.push(`adds an error-level ${code} finding`);
  const parserErrors = (t: string) => new Map(countCodes(parse(t).diagnostics.filter(isParserError)));
  for (const code of grown(parserErrors(text), parserErrors(fixed.text))) problems.push(`adds the syntax error ${code}`);
  return problems;
}

function countCodes(items: ReadonlyArray<{ code: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { code } of items) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/**
 * Fixable findings' fixes, each checked alone; `checked` counts them by code and safety. `sampled` checks only
 * the first and last finding of each rule in the file, for time: a file repeats a fix much like itself (the
 * corpus has files with dozens of legacy `ENV k v`), and every rule with a fixable finding is still checked.
 */
function eachFixProblems(text: string, linted: LintResult, checked: Map<string, number>, sampled = false): string[] {
  const all = linted.findings.filter((f) => f.fix);
  const fixable = all.filter((f) => {
    const same = all.filter((g) => g.code === f.code);
    return !sampled || f === same[0] || f === same.at(-1);
  });
  if (fixable.length === 0) return [];
  const before = read(text);
  const problems: string[] = [];
  for (const f of fixable) {
    const key = `${f.code} (${f.fix!.safety})`;
    checked.set(key, (checked.get(key) ?? 0) + 1);
    for (const p of fixProblems(before, f)) problems.push(`${key} on line ${f.range.start.line + 1}: ${p}`);
  }
  return problems;
}

// Findings made up for the checker's own tests: a fix as a rule might get it wrong.
function madeUp(code: string, safety: "safe" | "unsafe", text: string, edits: Array<{ at: string; length?: number; text: string }>): Finding {
  const range = { start: { offset: 0, line: 0, character: 0 }, end: { offset: 0, line: 0, character: 0 } };
  const offsets = edits.map((e) => ({ start: text.indexOf(e.at), end: text.indexOf(e.at) + (e.length ?? 0), text: e.text }));
  return { code, rule: code, aliases: [], level: "warning", message: "made up", range, fix: { safety, edits: offsets } };
}

describe("the fix checker", () => {
  const problems = (code: string, safety: "safe" | "unsafe", text: string, ...edits: Array<{ at: string; length?: number; text: string }>) =>
    fixProblems(read(text), madeUp(code, safety, text, edits));

  it("passes a fix that does what its rule declares", () => {
    expect(problems("DF209", "safe", "FROM a\nENV A b c\nRUN echo $A\n", { at: " b c", length: 1, text: '="' }, { at: "\nRUN", text: '"' })).toEqual([]);
    expect(problems("DL4003", "safe", "FROM a\nCMD x\nCMD y\n", { at: "CMD x", length: 6, text: "" })).toEqual([]);
    expect(problems("DL3014", "safe", "FROM a\nRUN apt-get install curl\n", { at: " curl", text: " -y" })).toEqual([]);
  });

  it("catches a key=value rewrite that splits the value", () => {
    const found = problems("DF209", "safe", "FROM a\nENV A b c\nRUN echo $A\n", { at: " b c", length: 1, text: "=" });
    expect(found.join("\n")).toMatch(/sets A=b c=∅ where it set A=b c|changes what instruction 3/);
  });

  it("catches a safe fix that changes BuildKit's reading without declaring it", () => {
    expect(problems("DF203", "safe", "FROM a\nRUN make\n", { at: "make", length: 4, text: "make all" })).toEqual([
      'changes BuildKit\'s reading, and its rule declares no change ((run "make") → (run "make all"))',
    ]);
  });

  it("catches an edit of an instruction outside the fix", () => {
    const found = problems("DF203", "unsafe", "FROM a\nrun make\nRUN test\n", { at: "run", length: 3, text: "RUN" }, { at: "test", length: 4, text: "check" });
    expect(found).toEqual([]); // both edits are the fix's, and an unsafe fix may change what it edits
    expect(problems("DF203", "safe", "FROM a\nrun make\nRUN test\n", { at: "run", length: 3, text: "RUN" }, { at: "test", length: 4, text: "check" })).toHaveLength(1);
  });

  it("catches the deletion of an instruction that nothing overrides", () => {
    expect(problems("DL4003", "safe", "FROM a\nCMD x\nENTRYPOINT y\n", { at: "CMD x", length: 6, text: "" })).toEqual([
      'deletes (cmd "x"), which nothing later in its stage overrides',
    ]);
  });

  it("catches an added word that is not an option", () => {
    expect(problems("DL3014", "safe", "FROM a\nRUN apt-get install curl\n", { at: " curl", text: " wget" })).toEqual([
      "changes 'apt-get install curl' into 'apt-get install wget curl', not by adding one option " +
        '((run "apt-get install curl") → (run "apt-get install wget curl"))',
    ]);
  });

  it("catches a fix that breaks the syntax", () => {
    expect(problems("DL3059", "unsafe", "FROM a\nRUN make\n", { at: "make", text: "<<EOF " })[0]).toMatch(/^adds diagnostics DF0/);
  });
});

needsShared("the fix properties over the real-world corpus");

describe("fixes over the real-world corpus (needs ../shared)", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone"));
  const dir = shared("corpus/real-world/");
  let files: Array<{ name: string; text: string; linted: LintResult }> | undefined;
  // One lint per file, shared by the properties.
  const corpus = () =>
    (files ??= readdirSync(dir)
      .filter((f) => f !== "README.md" && f !== "MANIFEST.tsv")
      .sort()
      .map((name) => {
        const text = readFileSync(dir + name, "utf8");
        return { name, text, linted: lint(text) };
      }));

  it("holds 1,036 Dockerfiles", () => {
    expect(corpus()).toHaveLength(1036);
  });

  for (const unsafe of [false, true]) {
    it(`${unsafe ? "--unsafe-fixes" : "--fix"} leaves nothing fixable and adds no syntax error or error-level finding`, () => {
      const problems = corpus().flatMap(({ name, text, linted }) => fixPassProblems(text, linted, unsafe).map((p) => `${name}: ${p}`));
      expect(problems.slice(0, 30)).toEqual([]);
    });
  }

  it("each fix alone changes only what its rule declares", () => {
    const checked = new Map<string, number>();
    const problems = corpus().flatMap(({ name, text, linted }) => eachFixProblems(text, linted, checked, true).map((p) => `${name}: ${p}`));
    expect(problems.slice(0, 30)).toEqual([]);
    // The corpus exercises safe and unsafe fixes of several rules.
    const codes = [...checked.keys()];
    expect(codes.filter((k) => k.endsWith("(safe)")).length).toBeGreaterThan(3);
    expect(codes.some((k) => k.endsWith("(unsafe)"))).toBe(true);
  });
});

describe("fixes on generated Dockerfiles", () => {
  const holds = (text: string, checked: Map<string, number>, sampled = false) => {
    const linted = lint(text);
    const problems = [...fixPassProblems(text, linted, false), ...fixPassProblems(text, linted, true), ...eachFixProblems(text, linted, checked, sampled)];
    expect(problems).toEqual([]);
  };

  it("hold on the counterexamples found so far", () => {
    const checked = new Map<string, number>();
    // DF209 once escaped only spaces and tabs, and BuildKit also splits `k=v` words on \f, \v and NBSP.
    holds("FROM debian:12\nENV APP_HOME plain\fplain\nLABEL a 'x y'\u00a0z\n", checked);
    expect([...checked.keys()]).toEqual(["DF209 (safe)"]);
  });

  it("of any syntax leave nothing fixable, add no errors, and each changes only what its rule declares", () => {
    const checked = new Map<string, number>();
    fc.assert(
      fc.property(dockerfileArbitrary, ({ text }) => holds(text, checked)),
      { numRuns: 100 },
    );
    // The generator writes mixed keyword case, legacy ENV and LABEL, MAINTAINER, repeated CMDs: fixes are made.
    expect(checked.size).toBeGreaterThan(3);
  });

  it("full of fixable findings do the same", () => {
    const checked = new Map<string, number>();
    fc.assert(
      fc.property(fixableDockerfile, (text) => holds(text, checked, true)),
      { numRuns: 60 },
    );
    expect(checked.size).toBeGreaterThan(15);
  });
});
