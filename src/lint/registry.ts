// Every rule dflint has, and lookup by code, name or alias (hadolint codes, BuildKit check names),
// which configuration, pragmas, --ignore and output all use.
import type { Rule } from "./rule.js";
import { RULES as BUILDKIT } from "./rules/group-buildkit.js";
import { RULES as HADOLINT_INSTRUCTIONS } from "./rules/group-hadolint-instructions.js";
import { RULES as HADOLINT_LABELS } from "./rules/group-hadolint-labels.js";
import { RULES as HADOLINT_PACKAGES } from "./rules/group-hadolint-packages.js";
import { RULES as HADOLINT_SHELL } from "./rules/group-hadolint-shell.js";
import { SYNTAX_RULES } from "./syntax-rules.js";

/** All rules, syntax first, then by code. */
export const RULES: readonly Rule[] = [
  ...SYNTAX_RULES,
  ...BUILDKIT,
  ...HADOLINT_INSTRUCTIONS,
  ...HADOLINT_LABELS,
  ...HADOLINT_SHELL,
  ...HADOLINT_PACKAGES,
].sort((a, b) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
);

const byKey = new Map<string, Rule>();
for (const rule of RULES) {
  for (const key of [rule.code, rule.name, ...(rule.aliases ?? [])]) {
    const k = key.toLowerCase();
    const existing = byKey.get(k);
    if (existing && existing !== rule) throw new Error(`bug: '${key}' names both ${existing.code} and ${rule.code}`);
    byKey.set(k, rule);
  }
}

/** The rule a code, name or alias names (case-insensitive), if any. */
export function findRule(key: string): Rule | undefined {
  return byKey.get(key.trim().toLowerCase());
}
