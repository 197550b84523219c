// Where a hadolint rule and a BuildKit check flag the same thing, the user gets one finding, and
// turning either rule off (configuration, --ignore, a pragma, `# check=skip=`) silences it.
//
// The registry links such rules in one of two ways:
// - Shared name. A BuildKit check that several hadolint rules split between them by instruction
//   (MultipleInstructionsDisallowed: DL3012, DL4003, DL4004) is an alias of each. Lookup answers that
//   name with a stand-in rule that never runs; a pragma or `# check=skip=` naming it silences the
//   findings of every rule that shares it. (Configuration and --ignore reach them through the alias.)
// - Cross-suppression. Rules whose scopes differ both run; a problem both find on the same range is
//   reported once, by the pair's `shown` rule, and not at all when the other rule is off there.
import { instructionAt } from "../syntax/instruction-at.js";
import type { Dockerfile, Instruction } from "../syntax/tree.js";
import { effectiveLevel } from "./engine.js";
import type { Report, Rule, RuleContext } from "./rule.js";
import type { LintSettings } from "./settings.js";
import { readSuppressions, type Suppressions } from "./suppress.js";

/** Two rules that flag some of the same problems on the same ranges; `shown` reports those. */
export interface Overlap {
  shown: string;
  hidden: string;
}

/** A stand-in for a BuildKit check name that several rules share; lookup only, it never runs. */
export function sharedNameRule(alias: string, rules: readonly Rule[]): Rule {
  const codes = rules.map((r) => r.code);
  const list = codes.length === 2 ? codes.join(" and ") : `${codes.slice(0, -1).join(", ")} and ${codes[codes.length - 1]}`;
  return {
    code: alias,
    name: alias.replace(/(?<=[a-z0-9])(?=[A-Z])/g, "-").toLowerCase(),
    level: "warning", // BuildKit reports every check as a warning
    source: "buildkit",
    docs: {
      summary: `BuildKit's ${alias} check, which ${list} serve, each for its own instruction.`,
      rationale: `Turning ${alias} off (configuration, --ignore, a pragma or \`# check=skip=${alias}\`) turns off ${list}; \`dflint rules CODE\` describes each.`,
      bad: rules[0]!.docs.bad,
      good: rules[0]!.docs.good,
    },
    fix: null,
    check() {},
  };
}

/** Wraps the rules that share a name or overlap another rule so that each problem is reported once. */
export function linkRules(rules: readonly Rule[], overlaps: readonly Overlap[], sharedNames: ReadonlyMap<Rule, readonly Rule[]>): Rule[] {
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const partners = new Map<Rule, { rule: Rule; isShown: boolean }>();
  for (const { shown, hidden } of overlaps) {
    const a = byCode.get(shown);
    const b = byCode.get(hidden);
    if (!a || !b || partners.has(a) || partners.has(b)) throw new Error(`bug: overlap ${shown}/${hidden} names an unknown or already linked rule`);
    partners.set(a, { rule: b, isShown: true });
    partners.set(b, { rule: a, isShown: false });
  }
  return rules.map((rule) => {
    const partner = partners.get(rule);
    const names = sharedNames.get(rule) ?? [];
    if (!partner && names.length === 0) return rule;
    return { ...rule, check: (context: RuleContext) => checkLinked(rule, partner, names, context) };
  });
}

function checkLinked(rule: Rule, partner: { rule: Rule; isShown: boolean } | undefined, names: readonly Rule[], context: RuleContext): void {
  const run = runOf(context);
  const own = run.reports(rule, context);
  if (own instanceof Error) throw own; // the engine reports the rule as failed
  const twins = new Map<string, Report>();
  if (partner) {
    const theirs = run.reports(partner.rule, context);
    if (!(theirs instanceof Error)) for (const r of theirs) twins.set(rangeKey(r), r);
  }
  for (const r of own) {
    const ins = instructionAt(context.tree, r.range.start.offset);
    if (names.some((n) => run.suppressions.isSuppressed(n, ins))) continue;
    const twin = partner ? twins.get(rangeKey(r)) : undefined;
    if (twin && (!partner!.isShown || run.isOff(partner!.rule, ins))) continue;
    context.report(r);
  }
}

const rangeKey = (r: Report) => `${r.range.start.offset}:${r.range.end.offset}`;

/** What the linked rules of one lint share: each rule's findings (a rule runs once) and the pragmas. */
class LintRun {
  readonly suppressions: Suppressions;
  private readonly results = new Map<Rule, Report[] | Error>();

  constructor(
    private readonly tree: Dockerfile,
    readonly settings: LintSettings,
  ) {
    this.suppressions = readSuppressions(tree, settings.disableIgnorePragma);
  }

  /** The rule's findings before suppression, or the error it threw. */
  reports(rule: Rule, context: RuleContext): Report[] | Error {
    let result = this.results.get(rule);
    if (!result) {
      const out: Report[] = [];
      try {
        rule.check({ ...context, report: (r) => out.push(r) });
        result = out;
      } catch (e) {
        result = e instanceof Error ? e : new Error(String(e));
      }
      this.results.set(rule, result);
    }
    return result;
  }

  /** True when the rule is turned off, or suppressed on this instruction. */
  isOff(rule: Rule, ins: Instruction | null): boolean {
    return effectiveLevel(rule, this.settings, this.suppressions.experimental) === null || this.suppressions.isSuppressed(rule, ins);
  }
}

// One run per lint: the engine gives every rule the same tree and settings objects.
const runs = new WeakMap<Dockerfile, LintRun>();

function runOf(context: RuleContext): LintRun {
  let run = runs.get(context.tree);
  if (!run || run.settings !== context.settings) runs.set(context.tree, (run = new LintRun(context.tree, context.settings)));
  return run;
}
