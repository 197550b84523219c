// Every rule against its fixtures (fixtures/rules/CODE/*.Dockerfile): a `# expect: CODE` comment
// says the next instruction is flagged, and the runner checks both ways. Fixes are applied and
// compared with NAME.fixed.Dockerfile, then linted again: no fixable finding may remain.
// A `# dflint-options: {...}` first line holds settings (trustedRegistries, labelSchema, ...).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyFixes, lint, RULES, type LintSettings } from "../../src/index.js";

const root = fileURLToPath(new URL("../../fixtures/rules/", import.meta.url));
const dirs = existsSync(root) ? readdirSync(root).sort() : [];

function settingsOf(text: string): Partial<LintSettings> {
  const m = /^# dflint-options: (.*)$/m.exec(text);
  if (!m) return {};
  const raw = JSON.parse(m[1]!);
  const s: Partial<LintSettings> & Record<string, unknown> = { ...raw };
  if (raw.labelSchema) s.labelSchema = new Map(Object.entries(raw.labelSchema));
  if (raw.ignored) s.ignored = new Set(raw.ignored);
  if (raw.overrides) s.overrides = new Map(Object.entries(raw.overrides));
  if (raw.experimental) s.experimental = new Set(raw.experimental);
  return s;
}

/** Lines (0-based) of the instructions that `# expect:` comments point at, with the codes expected. */
function expectations(text: string, code: string): number[] {
  const lines = text.split(/\r?\n/);
  const out: number[] = [];
  let pending = false;
  lines.forEach((line, i) => {
    const t = line.trim();
    const m = /^#\s*expect:\s*(.*)$/.exec(t);
    if (m) {
      if (m[1]!.split(",").map((c) => c.trim()).includes(code)) pending = true;
      return;
    }
    if (t === "" || t.startsWith("#")) return;
    if (pending) out.push(i);
    pending = false;
  });
  return out;
}

describe("rule fixtures", () => {
  it("exist for every rule that is not only the parser's or the model's", () => {
    const missing = RULES.filter((r) => !/^DF\d/.test(r.code) && !dirs.includes(r.code)).map((r) => r.code);
    expect(missing).toEqual([]);
  });

  for (const code of dirs) {
    const rule = RULES.find((r) => r.code === code);
    const files = readdirSync(root + code).filter((f) => f.endsWith(".Dockerfile") && !f.endsWith(".fixed.Dockerfile"));
    describe(code, () => {
      it("names a registered rule", () => expect(rule?.code).toBe(code));
      for (const file of files) {
        it(file, () => {
          const text = readFileSync(root + code + "/" + file, "utf8");
          const settings = settingsOf(text);
          const result = lint(text, { settings });
          const flagged = result.findings.filter((f) => f.code === code);
          // A finding belongs to the instruction that holds it; compare by that instruction's first line.
          const lineOf = (offset: number) => result.tree.instructions.find((i) => i.range.start.offset <= offset && offset <= i.range.end.offset)?.range.start.line ?? -1;
          expect([...new Set(flagged.map((f) => lineOf(f.range.start.offset)))].sort((a, b) => a - b)).toEqual(expectations(text, code));
          const fixedPath = root + code + "/" + file.replace(/\.Dockerfile$/, ".fixed.Dockerfile");
          if (existsSync(fixedPath)) {
            let fixed = text;
            for (let pass = 0; pass < 5; pass++) {
              const r = lint(fixed, { settings });
              const next = applyFixes(fixed, r.findings.filter((f) => f.code === code), { unsafe: true });
              if (next.applied === 0) break;
              fixed = next.text;
            }
            expect(fixed).toBe(readFileSync(fixedPath, "utf8"));
            expect(lint(fixed, { settings }).findings.filter((f) => f.code === code && f.fix)).toEqual([]);
          }
        });
      }
    });
  }
});

describe("rule metadata", () => {
  it("has a code, a kebab-case name, docs and unique keys for every rule", () => {
    for (const rule of RULES) {
      expect(rule.name, rule.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.docs.summary.length, rule.code).toBeGreaterThan(10);
      expect(rule.docs.rationale.length, rule.code).toBeGreaterThan(10);
    }
  });

  // The docs' bad example fires and the good one does not. The parser's input-level problems
  // (binary files, invalid UTF-8, 65535-byte lines, internal errors, --target) cannot be shown in a
  // one-line example; their behaviour is tested in test/syntax and test/model. DF008 mirrors a
  // BuildKit error that no known input reaches once the line itself lexes.
  const notExampled = new Set(["DF008", "DF016", "DF017", "DF018", "DF099", "DF112"]);
  for (const rule of RULES) {
    if (notExampled.has(rule.code)) continue;
    it(`${rule.code}: the bad example fires and the good one does not`, () => {
      // Examples of configured rules carry their settings in a `# dflint-options:` line, as fixtures do.
      const on = (example: string): Partial<LintSettings> => ({
        ...settingsOf(example),
        overrides: new Map([[rule.code, rule.level === "ignore" ? "info" : rule.level]]),
        experimental: new Set(["all"]),
      });
      const bad = lint(rule.docs.bad, { settings: on(rule.docs.bad) }).findings.filter((f) => f.code === rule.code);
      const good = lint(rule.docs.good, { settings: on(rule.docs.good) }).findings.filter((f) => f.code === rule.code);
      expect(bad.length, `bad: ${rule.docs.bad}`).toBeGreaterThan(0);
      expect(good, `good: ${rule.docs.good}`).toEqual([]);
    });
  }
});
