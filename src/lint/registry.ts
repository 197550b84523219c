// Every rule dflint has, and lookup by code, name or alias (hadolint codes, BuildKit check names),
// which configuration, pragmas, --ignore and output all use.
import type { Rule } from "./rule.js";
import { linkRules, sharedNameRule, type Overlap } from "./rule-overlaps.js";
import { RULES as BUILDKIT } from "./rules/group-buildkit.js";
import { RULES as HADOLINT_INSTRUCTIONS } from "./rules/group-hadolint-instructions.js";
import { RULES as HADOLINT_LABELS } from "./rules/group-hadolint-labels.js";
import { RULES as HADOLINT_PACKAGES } from "./rules/group-hadolint-packages.js";
import { RULES as HADOLINT_SHELL } from "./rules/group-hadolint-shell.js";
import { SYNTAX_RULES } from "./syntax-rules.js";

// hadolint rules and BuildKit checks that flag some of the same problems but differ in scope. Both
// run; a problem both find is reported once, by the rule shown here (see rule-overlaps.ts). Where
// the triggers coincide, the BuildKit name is an alias of the hadolint rule instead (DL3024,
// DL3063, DL3065, DL4000; DL3012, DL4003 and DL4004 share MultipleInstructionsDisallowed).
const OVERLAPS: readonly Overlap[] = [
  // JSONArgsRecommended is DL3025 less HEALTHCHECK and less stages with a SHELL: shown where both fire.
  { shown: "DF204", hidden: "DL3025" },
  // DL3000 is an error with a fix; WorkdirRelativePath adds only WORKDIRs whose variables expand to a
  // relative path, which DL3000 takes as absolute.
  { shown: "DL3000", hidden: "DF206" },
  // FromPlatformFlagConstDisallowed is DL3029 less variables and stages named after their platform.
  { shown: "DF212", hidden: "DL3029" },
];

const ALL: Rule[] = [...SYNTAX_RULES, ...BUILDKIT, ...HADOLINT_INSTRUCTIONS, ...HADOLINT_LABELS, ...HADOLINT_SHELL, ...HADOLINT_PACKAGES];

// An alias that several rules share (a BuildKit check that several hadolint rules serve) is looked up
// as a stand-in rule, whose pragmas silence each of them.
const aliasOwners = new Map<string, Rule[]>();
for (const rule of ALL) for (const alias of rule.aliases ?? []) aliasOwners.set(alias.toLowerCase(), [...(aliasOwners.get(alias.toLowerCase()) ?? []), rule]);
const standIns: Rule[] = [];
const sharedNames = new Map<Rule, Rule[]>();
for (const [key, owners] of aliasOwners) {
  if (owners.length === 1) continue;
  const standIn = sharedNameRule(owners[0]!.aliases!.find((a) => a.toLowerCase() === key)!, owners);
  standIns.push(standIn);
  for (const o of owners) sharedNames.set(o, [...(sharedNames.get(o) ?? []), standIn]);
}

/** All rules, syntax first, then by code. */
export const RULES: readonly Rule[] = linkRules(ALL, OVERLAPS, sharedNames).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

const byKey = new Map<string, Rule>();
// Keys as the registry spells them: findings name their rule by code, and the language server looks up
// each finding of a large file on every keystroke.
const bySpelling = new Map<string, Rule>();
const register = (key: string, rule: Rule) => {
  bySpelling.set(key, rule);
  const k = key.toLowerCase();
  const existing = byKey.get(k);
  if (existing && existing !== rule) throw new Error(`bug: '${key}' names both ${existing.code} and ${rule.code}`);
  byKey.set(k, rule);
};
for (const rule of RULES) {
  for (const key of [rule.code, rule.name]) register(key, rule);
  for (const alias of rule.aliases ?? []) if (aliasOwners.get(alias.toLowerCase())!.length === 1) register(alias, rule);
}
for (const standIn of standIns) for (const key of [standIn.code, standIn.name]) register(key, standIn);

/** The rule a code, name or alias names (case-insensitive), if any; a shared alias names a stand-in. */
export function findRule(key: string): Rule | undefined {
  return bySpelling.get(key) ?? byKey.get(key.trim().toLowerCase());
}
