// Every rule dflint has, and lookup by code, name or alias (hadolint codes, BuildKit check names),
// which configuration, pragmas, --ignore and output all use.
import type { Rule } from "./rule.js";
import { RULES as BUILDKIT } from "./rules/group-buildkit.js";
import { RULES as HADOLINT_INSTRUCTIONS } from "./rules/group-hadolint-instructions.js";
import { RULES as HADOLINT_LABELS } from "./rules/group-hadolint-labels.js";
import { RULES as HADOLINT_PACKAGES } from "./rules/group-hadolint-packages.js";
import { RULES as HADOLINT_SHELL } from "./rules/group-hadolint-shell.js";
import { SYNTAX_RULES } from "./syntax-rules.js";

// hadolint rules and BuildKit checks that flag some of the same problems but differ in scope. Both
// run; a problem both find (on the same range) is reported once, by the rule shown here, and turning
// either rule off there silences it (the engine does this: lint/engine.ts). Where
// the triggers coincide, the BuildKit name is an alias of the hadolint rule instead (DL3024,
// DL3063, DL3065, DL4000; DL3012, DL4003 and DL4004 share MultipleInstructionsDisallowed).
const OVERLAPS: ReadonlyArray<{ shown: string; hidden: string }> = [
  // JSONArgsRecommended is DL3025 less HEALTHCHECK and less stages with a SHELL: shown where both fire.
  { shown: "DF204", hidden: "DL3025" },
  // DL3000 is an error with a fix; WorkdirRelativePath adds only WORKDIRs whose variables expand to a
  // relative path, which DL3000 takes as absolute.
  { shown: "DL3000", hidden: "DF206" },
  // FromPlatformFlagConstDisallowed is DL3029 less variables and stages named after their platform.
  { shown: "DF212", hidden: "DL3029" },
];

const ALL: Rule[] = [...SYNTAX_RULES, ...BUILDKIT, ...HADOLINT_INSTRUCTIONS, ...HADOLINT_LABELS, ...HADOLINT_SHELL, ...HADOLINT_PACKAGES];

/** All rules, syntax first, then by code. */
export const RULES: readonly Rule[] = [...ALL].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

// Lower-cased code, name or alias to the rules it names: one, or for an alias several rules share (a BuildKit
// check that several hadolint rules serve, each for its own instruction: MultipleInstructionsDisallowed) each.
const byKey = new Map<string, Rule[]>();
// Keys as the registry spells them: findings name their rule by code, and the language server looks up
// each finding of a large file on every keystroke.
const bySpelling = new Map<string, Rule[]>();
const register = (key: string, rule: Rule, shareable: boolean) => {
  const k = key.toLowerCase();
  const existing = byKey.get(k) ?? [];
  if (existing.some((r) => r !== rule && !(shareable && r.aliases?.some((a) => a.toLowerCase() === k)))) {
    throw new Error(`bug: '${key}' names both ${existing[0]!.code} and ${rule.code}`);
  }
  if (!existing.includes(rule)) byKey.set(k, [...existing, rule]);
  bySpelling.set(key, byKey.get(k)!);
};
for (const rule of RULES) {
  for (const key of [rule.code, rule.name]) register(key, rule, false);
  for (const alias of rule.aliases ?? []) register(alias, rule, true);
}

/** Every rule a code, name or alias names (case-insensitive): none, one, or the rules that share an alias. */
export function findRules(key: string): readonly Rule[] {
  return bySpelling.get(key) ?? byKey.get(key.trim().toLowerCase()) ?? [];
}

/** The rule a code, name or alias names (case-insensitive); undefined when none does, or several share the alias. */
export function findRule(key: string): Rule | undefined {
  const rules = findRules(key);
  return rules.length === 1 ? rules[0] : undefined;
}

const partners = new Map<Rule, { rule: Rule; isShown: boolean }>();
for (const { shown, hidden } of OVERLAPS) {
  const a = findRule(shown);
  const b = findRule(hidden);
  if (!a || !b || partners.has(a) || partners.has(b)) throw new Error(`bug: overlap ${shown}/${hidden} names an unknown or already paired rule`);
  partners.set(a, { rule: b, isShown: true });
  partners.set(b, { rule: a, isShown: false });
}

/** The rule a rule overlaps (see OVERLAPS), and whether this one is the pair's shown rule. */
export function overlapOf(rule: Rule): { rule: Rule; isShown: boolean } | undefined {
  return partners.get(rule);
}
