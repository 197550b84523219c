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
  /** How a safe fix changes BuildKit's reading (AST dump) of what it edits; absent when it changes nothing there. */
  changes?: FixChange;
}

/** The ways a safe fix may change BuildKit's reading of an instruction; test/lint/fix-meaning.ts checks each. */
export type FixChange =
  | "letter-case" // only the case of words BuildKit compares without case (`AS`, stage names, protocols)
  | "key-value-form" // ENV/LABEL `k v` written `k=v`: the same keys, each expanding to the same value
  | "maintainer-label" // MAINTAINER becomes `LABEL maintainer=` holding its text
  | "add-to-copy" // ADD becomes COPY with the same flags and operands
  | "destination-slash" // COPY's destination gains a trailing `/`
  | "workdir-absolute" // WORKDIR's path written as the absolute directory it already resolved to
  | "expose-container-port" // EXPOSE keeps only what BuildKit records: container port and protocol
  | "overridden-deleted" // the instruction is deleted; a later one of its kind in the stage overrides it
  | "command-option"; // RUN: one command gets one more option, the commands are otherwise the same

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
  /** The shell an instruction is linted with: the model's SHELL, unless a `# hadolint shell=` pragma says otherwise. */
  shellAt(ins: Instruction): readonly string[];
}

export interface Rule extends RuleMeta {
  check(context: RuleContext): void;
}

/** Declares a rule; one file each, named CODE-name.ts. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
