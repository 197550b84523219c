// The formatter's self-check of one instruction: does its new text mean to BuildKit what the old one
// did? Everything of BuildKit's AST dump (`dflint parse --format buildkit`) must be equal: the keyword
// (in any case), flags, argument values, the ONBUILD trigger; and heredoc bodies byte for byte. A
// shell-form command that a POSIX shell runs may differ only in the width of its separator blanks,
// or, with --shell, only where its shell syntax trees agree.
import type { Instruction } from "../syntax/tree.js";
import type { PosixDialect } from "./posix-shell-instructions.js";
import { collapseSeparators } from "./shell-spacing.js";

export interface MeaningCheck {
  /** The old file's instructions whose shell-form command a POSIX shell runs, with its dialect. */
  posixShell: ReadonlyMap<Instruction, PosixDialect>;
  /** Whether two commands have the same shell syntax tree (for --shell); absent: only blanks may differ. */
  isSameShellTree?: (before: string, after: string, dialect: PosixDialect) => boolean;
}

export interface MeaningChange {
  message: string;
  /** The old file's instruction that changed, when one did. */
  instruction: Instruction | null;
}

/** What differs in meaning between an instruction and its new text's parse (comments above it aside), or null. */
export function instructionChange(a: Instruction, b: Instruction, dialect: PosixDialect | undefined, check: MeaningCheck): string | null {
  if (a.keyword.text.toLowerCase() !== b.keyword.text.toLowerCase() || a.isKnown !== b.isKnown) return "the keyword changed";
  if (a.form !== b.form) return "the argument form changed";
  if (!sameList(a.flags.map((f) => f.raw), b.flags.map((f) => f.raw))) return "the flags changed";
  if ((a.healthcheckType?.value ?? null) !== (b.healthcheckType?.value ?? null)) return "the HEALTHCHECK type changed";
  if (a.args.length !== b.args.length) return "the number of arguments changed";
  for (let i = 0; i < a.args.length; i++) {
    const x = a.args[i]!;
    const y = b.args[i]!;
    if (x.kind !== y.kind) return "an argument changed its kind";
    switch (x.kind) {
      case "json-array":
        if (y.kind !== "json-array" || !sameList(x.elements.map((e) => e.value), y.elements.map((e) => e.value))) return "a JSON array changed";
        break;
      case "key-value":
        if (y.kind !== "key-value" || x.key !== y.key || x.value !== y.value || x.separator !== y.separator || x.raw !== y.raw) {
          return `the value of '${x.key}' changed`;
        }
        break;
      case "shell-command":
        if (y.kind !== "shell-command" || !sameCommand(x.value, y.value, dialect, check)) return "the shell command changed";
        break;
      default:
        if (x.value !== (y as typeof x).value) return `the argument '${x.value}' changed`;
    }
  }
  if (a.trigger || b.trigger) {
    if (!a.trigger || !b.trigger) return "the ONBUILD trigger changed";
    const why = instructionChange(a.trigger, b.trigger, dialect, check);
    if (why) return `its trigger: ${why}`;
  }
  if (a.heredocs.length !== b.heredocs.length) return "the number of heredocs changed";
  for (let i = 0; i < a.heredocs.length; i++) {
    const x = a.heredocs[i]!;
    const y = b.heredocs[i]!;
    if (x.name !== y.name || x.expand !== y.expand || x.chomp !== y.chomp || x.fileDescriptor !== y.fileDescriptor) return `heredoc '${x.name}' changed its marker`;
    if (x.content !== y.content) return `the body of heredoc '${x.name}' changed`;
  }
  return null;
}

function sameCommand(a: string, b: string, dialect: PosixDialect | undefined, check: MeaningCheck): boolean {
  if (a === b) return true;
  if (!dialect) return false;
  if (collapseSeparators(a) === collapseSeparators(b)) return true;
  return check.isSameShellTree?.(a, b, dialect) ?? false;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
