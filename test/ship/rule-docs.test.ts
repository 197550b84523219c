// docs/rules/ is generated from the rules' metadata (npm run docs); this renders it again from the
// sources and fails when a page is stale, missing, or left over from a rule that is gone.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/lint/registry.js";
// @ts-expect-error: a plain script without type declarations
import { ruleDocs } from "../../scripts/rule-docs.mjs";

const dir = fileURLToPath(new URL("../../docs/rules/", import.meta.url));
const pages = ruleDocs(RULES) as Map<string, string>;

describe("docs/rules", () => {
  it("holds a page for every rule and the index, and nothing else", () => {
    const onDisk = readdirSync(dir).filter((n) => n.endsWith(".md")).sort();
    expect(onDisk, "docs/rules/ differs from the rules: run npm run docs").toEqual([...pages.keys()].sort());
    expect(pages.size).toBe(RULES.length + 1);
  });

  it.each([...pages.keys()])("%s is what npm run docs writes", (name) => {
    expect(readFileSync(dir + name, "utf8"), `docs/rules/${name} is stale: run npm run docs`).toBe(pages.get(name));
  });

  it("lets a reader find each rule by every key it answers to", () => {
    const index = pages.get("README.md")!;
    for (const rule of RULES) {
      expect(index).toContain(`| [${rule.code}](${rule.code}.md) | ${rule.name} |`);
      const page = pages.get(`${rule.code}.md`)!;
      expect(page.startsWith(`# ${rule.code} ${rule.name}\n\n${rule.docs.summary}\n`)).toBe(true);
      for (const alias of rule.aliases ?? []) expect(page).toContain(`\`${alias}\``);
      expect(page).toContain(rule.docs.bad);
      expect(page).toContain(rule.docs.good);
    }
  });
});
