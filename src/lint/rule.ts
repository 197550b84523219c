// What a lint rule is: metadata (code, name, aliases, level, docs, fix safety) and a check that reads
// the tree and the model and reports findings. Rules never throw, read files, or track stages or
// ARGs themselves; suppression and configuration are the engine's job.
import type { Model } from "../model/model.js";
import type { RunScript } from "../model/shell/types.js";
import type { Dockerfile, Instruction, Range } from "../syntax/tree.js";
import type { LintSettings } from "./settings.js";

/** hadolint's levels; `ignore` means off unless configured on. */
export type Level = "error" | "warning" | "info" | "style";
export type DefaultLevel = Level | "ignore";

export interface TextEdit {
  /** Offsets into the text the findings were made from. */
  start: number;
  end: number;
  text: string;
}

export interface FixInfo {
  /** `safe` never changes what is built; `unsafe` may (pinning, rewriting shell), and needs --unsafe-fixes. */
  safety: "safe" | "unsafe";
  why: string;
}

export interface RuleDocs {
  summary: string;
  rationale: string;
  bad: string;
  good: string;
}

export interface RuleMeta {
  code: string;
  /** Kebab-case: what is wrong. */
  name: string;
  /** Other names: the hadolint code or BuildKit check name that this rule also serves. */
  aliases?: readonly string[];
  level: DefaultLevel;
  docs: RuleDocs;
  fix: FixInfo | null;
  /** `experimental` rules run only when enabled (BuildKit's experimental checks). */
  status?: "stable" | "experimental";
  /** Where the rule comes from, for listings and links. */
  source: "dflint" | "hadolint" | "buildkit" | "hadolint+buildkit";
}

export interface Report {
  range: Range;
  message: string;
  edits?: TextEdit[];
}

export interface RuleContext {
  text: string;
  tree: Dockerfile;
  model: Model;
  settings: LintSettings;
  report(finding: Report): void;
  /** The shell commands of a RUN instruction in its stage's shell, parsed on first use. */
  scripts(ins: Instruction): RunScript[];
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

/** Declares a rule; one file each, named CODE-name.ts. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
