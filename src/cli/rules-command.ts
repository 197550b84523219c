// `dflint rules`: every rule with its code, name, level, aliases and fix; `dflint rules CODE` (a code,
// name or alias) prints that rule's documentation.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { distance } from "../lint/config.js";
import { findRules, RULES } from "../lint/registry.js";
import type { Rule } from "../lint/rule.js";
import type { CliIo } from "./io.js";
import { packageInfo } from "./package-info.js";
import { answerUsage, oneOf, readOptions, type OptionTable } from "./read-options.js";
import { RULES_HELP } from "./usage.js";

const RULES_OPTIONS = {
  "--format": { value: oneOf(["text", "json"], "--format takes text or json") },
} as const satisfies OptionTable;

export async function rulesCommand(args: string[], io: CliIo): Promise<number> {
  const read = readOptions(args, RULES_OPTIONS);
  if ("help" in read || !read.ok) return answerUsage(read, io, "rules", RULES_HELP, "dflint rules");
  const { operands: names } = read;
  const format = read.options["--format"] ?? "text";

  if (names.length === 0) {
    if (format === "json") io.out(JSON.stringify(RULES.map(ruleJson), null, 2) + "\n");
    else io.out(table(RULES));
    return 0;
  }
  const rules: Rule[] = [];
  for (const name of names) {
    const named = findRules(name);
    if (named.length === 0 && /^SC\d+$/i.test(name)) {
      io.err(`dflint rules: ${name.toUpperCase()} is ShellCheck's: https://www.shellcheck.net/wiki/${name.toUpperCase()}\n${SHELLCHECK_NOTE}\n`);
      return 2;
    }
    if (named.length === 0) {
      io.err(`dflint rules: no rule is named '${name}'${suggest(name)}; dflint rules lists them all\n`);
      return 2;
    }
    // A BuildKit check that several hadolint rules serve (MultipleInstructionsDisallowed) names each of them.
    rules.push(...named);
  }
  if (format === "json") io.out(JSON.stringify(rules.length === 1 ? ruleJson(rules[0]!) : rules.map(ruleJson), null, 2) + "\n");
  else io.out(rules.map(doc).join("\n"));
  return 0;
}

const SHELLCHECK_NOTE = "SC codes (SC2086, ...) come from ShellCheck, run on RUN scripts when 'shellcheck' is on PATH (dflint lint --no-shellcheck turns it off).";

function levelOf(rule: Rule): string {
  const level = rule.level === "ignore" ? "off" : rule.level;
  return rule.status === "experimental" ? `${level} (experimental)` : level;
}

function table(rules: readonly Rule[]): string {
  const rows = [["CODE", "NAME", "LEVEL", "FIX", "ALIASES"], ...rules.map((r) => [r.code, r.name, levelOf(r), r.fix ? r.fix.safety : "-", (r.aliases ?? []).join(", ")])];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const lines = rows.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ").trimEnd());
  return lines.join("\n") + `\n\n${rules.length} rules. dflint rules CODE prints one rule's documentation.\n${SHELLCHECK_NOTE}\n`;
}

function indent(text: string): string {
  return text.split("\n").map((l) => (l ? "    " + l : l)).join("\n");
}

function doc(rule: Rule): string {
  const { docs } = rule;
  const aliases = rule.aliases?.length ? `\nAlso: ${rule.aliases.join(", ")}` : "";
  const fix = rule.fix
    ? `Fix: ${rule.fix.safety}${rule.fix.safety === "unsafe" ? " (applied with --fix --unsafe-fixes)" : " (applied with --fix)"}. ${rule.fix.why}`
    : "Fix: none.";
  return [
    `${rule.code} ${rule.name}`,
    `Level: ${levelOf(rule)}. Source: ${rule.source}.${aliases}`,
    "",
    docs.summary,
    "",
    docs.rationale,
    "",
    "Bad:",
    indent(docs.bad),
    "",
    "Good:",
    indent(docs.good),
    "",
    fix,
    ...docPage(rule),
    "",
  ].join("\n");
}

// The rule's page (docs/rules/CODE.md), shipped in the package.
function docPage(rule: Rule): string[] {
  const dir = packageInfo()?.dir;
  const page = dir ? join(dir, "docs", "rules", `${rule.code}.md`) : null;
  return page && existsSync(page) ? [`More: ${page}`] : [];
}

function ruleJson(rule: Rule): Record<string, unknown> {
  return {
    code: rule.code,
    name: rule.name,
    aliases: rule.aliases ?? [],
    level: rule.level,
    status: rule.status ?? "stable",
    source: rule.source,
    fix: rule.fix,
    docs: rule.docs,
  };
}

function suggest(name: string): string {
  let best: Rule | null = null;
  let bestDistance = Infinity;
  for (const r of RULES) {
    for (const key of [r.code, r.name, ...(r.aliases ?? [])]) {
      const d = distance(name.toLowerCase(), key.toLowerCase());
      if (d < bestDistance) [best, bestDistance] = [r, d];
    }
  }
  return best && bestDistance <= 2 ? ` (did you mean ${best.code}, ${best.name}?)` : "";
}
