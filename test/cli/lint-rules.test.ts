// `dflint rules`: the list of every rule, and one rule's documentation by code, name or alias.
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/index.js";
import { run } from "./lint-run.js";

describe("dflint rules", () => {
  it("lists every rule with code, name, level, fix and aliases", () => {
    const r = run(["rules"]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^CODE\s+NAME\s+LEVEL\s+FIX\s+ALIASES$/);
    for (const rule of RULES) {
      const row = lines.find((l) => l.startsWith(rule.code + " "));
      expect(row, rule.code).toBeDefined();
      expect(row).toContain(` ${rule.name} `);
      expect(row).toContain(rule.level === "ignore" ? " off" : ` ${rule.level}`);
      expect(row).toContain(rule.fix ? ` ${rule.fix.safety}` : " -");
      for (const alias of rule.aliases ?? []) expect(row).toContain(alias);
    }
    expect(r.out).toContain(`${RULES.length} rules.`);
  });

  it("lists them as JSON", () => {
    const out = JSON.parse(run(["rules", "--format", "json"]).out);
    expect(out.map((r: { code: string }) => r.code)).toEqual(RULES.map((r) => r.code));
    expect(out[0]).toHaveProperty("docs.bad");
  });

  it("prints one rule's documentation by code, name or alias", () => {
    const doc = run(["rules", "DL3006"]);
    expect(doc.code).toBe(0);
    const rule = RULES.find((r) => r.code === "DL3006")!;
    expect(doc.out).toContain("DL3006 image-untagged\n");
    expect(doc.out).toContain(rule.docs.summary);
    expect(doc.out).toContain(rule.docs.rationale);
    expect(doc.out).toContain("Bad:\n    FROM debian\n");
    expect(doc.out).toContain(`Good:\n    ${rule.docs.good}\n`);
    expect(doc.out).toMatch(/Fix: (none|safe|unsafe)/);
    expect(run(["rules", "image-untagged"]).out).toBe(doc.out);
    expect(run(["rules", "dl3006"]).out).toBe(doc.out);
    const aliased = RULES.find((r) => r.aliases?.length)!;
    expect(run(["rules", aliased.aliases![0]!]).out).toContain(`${aliased.code} ${aliased.name}\n`);
    const fixable = RULES.find((r) => r.fix)!;
    expect(run(["rules", fixable.code]).out).toContain(`Fix: ${fixable.fix!.safety}`);
  });

  it("says when no rule has the name, with a suggestion, and exits 2", () => {
    const r = run(["rules", "image-untaged"]);
    expect(r).toMatchObject({ code: 2, out: "" });
    expect(r.err).toBe("dflint rules: no rule is named 'image-untaged' (did you mean DL3006, image-untagged?); dflint rules lists them all\n");
    expect(run(["rules", "--frob"])).toMatchObject({ code: 2, err: expect.stringContaining("unknown option '--frob'") });
    expect(run(["rules", "--help"]).out).toContain("Examples:");
  });
});
