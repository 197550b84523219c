// hadolint rules and BuildKit checks that flag the same problem: one finding per problem, and turning
// either rule off by any means (configuration, --ignore, pragma, `# check=skip=`) silences it.
import { describe, expect, it } from "vitest";
import { findRule, findRules, lint, type LintSettings } from "../../src/index.js";
import { resolveRuleNames } from "../../src/lint/config.js";

/** Codes of the findings among `codes`, in order. */
function found(text: string, codes: readonly string[], settings: Partial<LintSettings> = {}): string[] {
  return lint(text, { settings }).findings.filter((f) => codes.includes(f.code)).map((f) => `${f.range.start.line + 1}:${f.code}`);
}

/** The settings `--ignore NAME` gives. */
const ignoring = (...names: string[]): Partial<LintSettings> => ({ ignored: new Set(resolveRuleNames(names).codes) });

// Each pair: a line both rules flag, the rule that reports it, and a line only the other one flags.
const PAIRS = [
  {
    shown: "DF204",
    hidden: "DL3025",
    both: "FROM alpine:3.20\nCMD my-server --port 80\n",
    onlyHidden: "FROM alpine:3.20\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/\n",
  },
  {
    shown: "DL3000",
    hidden: "DF206",
    both: "FROM alpine:3.20\nWORKDIR app\n",
    onlyHidden: "FROM alpine:3.20\nARG DIR=app\nWORKDIR $DIR\n",
  },
  {
    shown: "DF212",
    hidden: "DL3029",
    both: "FROM --platform=linux/amd64 alpine:3.20 AS tools\n",
    onlyHidden: "FROM --platform=linux/arm64 alpine:3.20 AS tools-arm64\n",
  },
];

describe.each(PAIRS)("$shown and $hidden", ({ shown, hidden, both, onlyHidden }) => {
  const codes = [shown, hidden];
  const line = both.split("\n").findIndex((l) => /^(CMD|WORKDIR|FROM --platform)/.test(l)) + 1;
  const pragmaAbove = (text: string, pragma: string) => {
    const lines = text.split("\n");
    lines.splice(line - 1, 0, pragma);
    return lines.join("\n");
  };

  it("report a problem both find once, as the shown rule", () => {
    expect(found(both, codes)).toEqual([`${line}:${shown}`]);
  });

  it("still report what only one of them finds", () => {
    expect(found(onlyHidden, codes)).toEqual([expect.stringMatching(new RegExp(`:${hidden}$`))]);
    expect(found(onlyHidden, codes, ignoring(shown))).toHaveLength(1);
  });

  it("are silenced by ignoring either rule by code, name or alias", () => {
    for (const rule of [findRule(shown)!, findRule(hidden)!]) {
      for (const key of [rule.code, rule.name, ...(rule.aliases ?? [])]) {
        expect(found(both, codes, ignoring(key)), key).toEqual([]);
      }
    }
  });

  it("are silenced by turning either rule off with an override", () => {
    expect(found(both, codes, { overrides: new Map([[hidden, "off"]]) })).toEqual([]);
    expect(found(both, codes, { overrides: new Map([[shown, "off"]]) })).toEqual([]);
  });

  it("are silenced by a pragma naming either rule, unless pragmas are disabled", () => {
    for (const code of codes) {
      const text = pragmaAbove(both, `# hadolint ignore=${code}`);
      expect(found(text, codes), code).toEqual([]);
      expect(found(text, codes, { disableIgnorePragma: true }), code).toEqual([`${line + 1}:${shown}`]);
    }
  });

  it("are silenced by BuildKit's check directive naming the BuildKit check", () => {
    const check = [findRule(shown)!, findRule(hidden)!].find((r) => r.source === "buildkit")!;
    expect(found(`# check=skip=${check.aliases![0]}\n${both}`, codes)).toEqual([]);
  });
});

describe("a BuildKit check that several hadolint rules serve", () => {
  const repeats = [
    "FROM alpine:3.20",
    'CMD ["a"]',
    'CMD ["b"]',
    'ENTRYPOINT ["c"]',
    'ENTRYPOINT ["d"]',
    "HEALTHCHECK CMD true",
    "HEALTHCHECK NONE",
    "",
  ].join("\n");
  const codes = ["DL3012", "DL4003", "DL4004"];

  it("is an alias of each: looking it up names all three, and no one rule", () => {
    for (const code of codes) expect(findRule(code)!.aliases).toContain("MultipleInstructionsDisallowed");
    expect(findRules("MultipleInstructionsDisallowed").map((r) => r.code)).toEqual(codes);
    expect(findRules("multipleinstructionsdisallowed").map((r) => r.code)).toEqual(codes);
    expect(findRule("MultipleInstructionsDisallowed")).toBeUndefined();
  });

  it("reports each repeat once, under the hadolint rule for its instruction", () => {
    expect(found(repeats, codes)).toEqual(["3:DL4003", "5:DL4004", "7:DL3012"]);
  });

  it("turns all three off when ignored by its name", () => {
    expect(found(repeats, codes, ignoring("MultipleInstructionsDisallowed"))).toEqual([]);
    expect(found(repeats, codes, ignoring("DL4003"))).toEqual(["5:DL4004", "7:DL3012"]);
  });

  it("turns all three off by a pragma or the check directive", () => {
    expect(found(`# check=skip=MultipleInstructionsDisallowed\n${repeats}`, codes)).toEqual([]);
    expect(found(`# hadolint global ignore=MultipleInstructionsDisallowed\n${repeats}`, codes)).toEqual([]);
    const oneLine = repeats.replace('CMD ["b"]', '# dflint ignore=MultipleInstructionsDisallowed\nCMD ["b"]');
    expect(found(oneLine, codes)).toEqual(["6:DL4004", "8:DL3012"]);
  });
});
