// lint(): parse, analyze, run every enabled rule, turn parser and model diagnostics into findings,
// apply inline suppression and level overrides. A rule that throws is reported as an internal
// error naming it; the other rules still run.
import { analyze } from "../model/analyze.js";
import type { AnalyzeOptions, Model } from "../model/model.js";
import { runScripts } from "../model/shell/parse-run.js";
import type { RunScript } from "../model/shell/types.js";
import { instructionAt } from "../syntax/instruction-at.js";
import { LineIndex } from "../syntax/line-index.js";
import { parse, type ParseResult } from "../syntax/parse.js";
import type { Dockerfile, Instruction, Range } from "../syntax/tree.js";
import { findRule, overlapOf, RULES } from "./registry.js";
import type { Level, Report, Rule, RuleContext, TextEdit } from "./rule.js";
import { DEFAULT_SETTINGS, type LintSettings } from "./settings.js";
import { lintShells } from "./shell-pragma.js";
import { checkShellScripts } from "./shellcheck.js";
import type { ShellcheckHook } from "./shellcheck-hook.js";
import { shellcheckRule } from "./shellcheck-rule.js";
import { readSuppressions } from "./suppress.js";

export interface Finding {
  code: string;
  /** The rule's kebab-case name. */
  rule: string;
  aliases: readonly string[];
  level: Level;
  message: string;
  range: Range;
  fix?: { safety: "safe" | "unsafe"; edits: TextEdit[] };
}

export interface LintOptions {
  /** For messages only; the core reads no files. */
  fileName?: string;
  settings?: Partial<LintSettings>;
  /** Target stage and platforms for the model. */
  analyze?: Omit<AnalyzeOptions, "buildArgs">;
  /** Runs ShellCheck on the RUN scripts (called once, with every script); without it there are no SC findings. */
  shellcheck?: ShellcheckHook;
  /**
   * The input already parsed and analysed, with these settings' build args and `analyze` options: an
   * editor keeps both for other requests and re-parses only what an edit touched, so the lint takes
   * them instead of reading the text again.
   */
  parsed?: { result: ParseResult; model: Model };
}

export interface LintResult {
  findings: Finding[];
  tree: Dockerfile;
  model: Model;
  /** BuildKit's `# check=error=true`: the file asks that any finding fail the build. */
  checkError: boolean;
  /** Why ShellCheck's findings are missing, when the hook failed. */
  shellcheckError?: string;
}

const rangeKey = (r: Report) => `${r.range.start.offset}:${r.range.end.offset}`;

const ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2, style: 3 };

/** The level a rule runs at under the settings, or null when it is off. */
export function effectiveLevel(rule: Rule, settings: LintSettings, experimental: ReadonlySet<string> = new Set()): Level | null {
  // Nothing configured, the common case: every rule of every file asks, so answer without building keys.
  if (settings.ignored.size === 0 && settings.overrides.size === 0 && rule.status !== "experimental") {
    return rule.level === "ignore" ? null : rule.level;
  }
  const keys = [rule.code, rule.name, ...(rule.aliases ?? [])];
  if (keys.some((k) => settings.ignored.has(k) || settings.ignored.has(k.toLowerCase()))) return null;
  let level: Level | "ignore" | "off" = rule.level;
  for (const k of keys) {
    const o = settings.overrides.get(k) ?? settings.overrides.get(k.toLowerCase());
    if (o) level = o;
  }
  if (level === "off" || level === "ignore") return null;
  if (rule.status === "experimental") {
    const on = [settings.experimental, experimental].some((set) => set.has("all") || keys.some((k) => set.has(k)));
    if (!on) return null;
  }
  return level;
}

/** Lints Dockerfile text with every enabled rule. Never throws on any input. */
export function lint(input: string | Uint8Array, options: LintOptions = {}): LintResult {
  const settings: LintSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const parsed = options.parsed?.result ?? parse(input);
  const tree = parsed.tree;
  const text = tree.text;
  const model = options.parsed?.model ?? analyze(tree, { ...options.analyze, buildArgs: settings.buildArgs });
  const index = new LineIndex(text);
  const suppressions = readSuppressions(tree, settings.disableIgnorePragma);
  const findings: Finding[] = [];

  const emit = (rule: Rule, level: Level, message: string, range: Range, edits?: TextEdit[]) => {
    if (suppressions.isSuppressed(rule, instructionAt(tree, range.start.offset))) return;
    const finding: Finding = { code: rule.code, rule: rule.name, aliases: rule.aliases ?? [], level, message, range };
    if (edits && edits.length && rule.fix) finding.fix = { safety: rule.fix.safety, edits };
    findings.push(finding);
  };

  for (const d of [...parsed.diagnostics, ...model.diagnostics]) {
    const rule = findRule(d.code);
    if (!rule) continue;
    const level = effectiveLevel(rule, settings, suppressions.experimental);
    if (level) emit(rule, level, d.message, d.range);
  }

  const scriptCache = new Map<Instruction, RunScript[]>();
  const shellAt = lintShells(tree, model);
  const scripts = (ins: Instruction): RunScript[] => {
    let s = scriptCache.get(ins);
    if (!s) {
      scriptCache.set(ins, (s = runScripts(ins, text, index, shellAt(ins))));
    }
    return s;
  };

  // A rule that overlaps another (registry OVERLAPS) keeps its reports until both have run; it runs even when
  // off, as long as its partner is on, since turning either off silences what both find.
  const held = new Map<Rule, { level: Level | null; reports: Report[] }>();
  // Rules run one at a time: one context serves them all, and report() goes to the rule running.
  let running: Rule = RULES[0]!;
  let runningLevel: Level | null = null;
  let kept: Report[] | null = null;
  const context: RuleContext = {
    text,
    tree,
    model,
    settings,
    scripts,
    shellAt,
    report: (r) => void (kept ? kept.push(r) : emit(running, runningLevel!, r.message, r.range, r.edits)),
  };
  for (const rule of RULES) {
    const level = effectiveLevel(rule, settings, suppressions.experimental);
    const partner = overlapOf(rule);
    if (!level && !(partner && effectiveLevel(partner.rule, settings, suppressions.experimental))) continue;
    running = rule;
    runningLevel = level;
    kept = null;
    if (partner) held.set(rule, { level, reports: (kept = []) });
    try {
      rule.check(context);
    } catch (e) {
      if (kept) kept.length = 0;
      const internal = findRule("DF099")!;
      emit(internal, "error", `Rule ${rule.code} (${rule.name}) failed on this file: ${(e as Error)?.message ?? String(e)}. Please report it.`, index.range(0, 0));
    }
  }
  for (const [rule, { level, reports }] of held) {
    if (!level) continue;
    const partner = overlapOf(rule)!;
    const theirs = new Set(held.get(partner.rule)?.reports.map(rangeKey));
    for (const r of reports) {
      // A problem both rules find is the shown rule's, and only while the other rule is on there too.
      if (theirs.has(rangeKey(r))) {
        if (!partner.isShown) continue;
        const ins = instructionAt(tree, r.range.start.offset);
        if (!effectiveLevel(partner.rule, settings, suppressions.experimental) || suppressions.isSuppressed(partner.rule, ins)) continue;
      }
      emit(rule, level, r.message, r.range, r.edits);
    }
  }

  let shellcheckError: string | undefined;
  if (options.shellcheck) {
    const checked = checkShellScripts(options.shellcheck, tree, model, index, scripts, shellAt);
    if (!checked.ok) shellcheckError = checked.error;
    else {
      for (const f of checked.findings) {
        const rule = shellcheckRule(f.code, f.level);
        const level = effectiveLevel(rule, settings, suppressions.experimental);
        if (level) emit(rule, level, f.message, f.range);
      }
    }
  }

  findings.sort((a, b) => a.range.start.offset - b.range.start.offset || ORDER[a.level] - ORDER[b.level] || (a.code < b.code ? -1 : 1));
  return { findings, tree, model, checkError: suppressions.checkError, ...(shellcheckError !== undefined ? { shellcheckError } : {}) };
}
