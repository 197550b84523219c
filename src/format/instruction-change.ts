// The formatter's self-check of one instruction: does BuildKit read its new text as it read the old? The
// new text is read by the parser's first two layers, as BuildKit's parser reads a line: the lexer joins
// the logical line and reads heredocs, and the line parsers cut it into the keyword, flags and argument
// values that BuildKit's AST dump shows (the grammar only groups those, in order). Every one must equal
// the old instruction's: the keyword (in any case), each flag, each argument value, the ONBUILD
// trigger's, and heredoc bodies byte for byte. A shell-form command that a POSIX shell runs may differ
// only in the width of its separator blanks, or, with --shell, only where its shell syntax trees agree.
import type { ScannedInstruction } from "../syntax/scan.js";
import type { CoarseToken, FlagToken, JsonToken, PairToken, ValueToken } from "../syntax/split-instruction.js";
import type { Instruction } from "../syntax/tree.js";
import type { PosixDialect } from "./posix-shell-instructions.js";
import { differOnlyInResizedSeparators, differOnlyInSeparators, type CommandSeparators } from "./shell-spacing.js";

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

/**
 * What differs in meaning between an instruction and the new text's reading, or null. `separators` may
 * tell the old shell-form command's separator blanks and which of them the layout resized.
 */
export function instructionChange(a: Instruction, b: ScannedInstruction, dialect: PosixDialect | undefined, check: MeaningCheck, separators?: CommandSeparators): string | null {
  const tokens = b.split.tokens;
  const read = { at: 0 };
  const why = tokensChange(a, tokens, read, dialect, check, separators);
  if (why) return why;
  if (tokens[read.at]?.type !== "end" || read.at !== tokens.length - 1) return "it has other arguments";
  if (b.heredocError) return "a heredoc marker cannot be read";
  if (a.heredocs.length !== b.heredocs.length) return "the number of heredocs changed";
  for (let i = 0; i < a.heredocs.length; i++) {
    const x = a.heredocs[i]!;
    const y = b.heredocs[i]!;
    const m = y.marker;
    if (x.name !== m.name || x.expand !== m.expand || x.chomp !== m.chomp || x.fileDescriptor !== m.fileDescriptor) return `heredoc '${x.name}' changed its marker`;
    if (y.terminator === null || x.content !== y.content) return `the body of heredoc '${x.name}' changed`;
  }
  return null;
}

// Reads one instruction's tokens from read.at on (an ONBUILD trigger's nested ones too), leaving read.at on its `end`.
function tokensChange(a: Instruction, tokens: CoarseToken[], read: { at: number }, dialect: PosixDialect | undefined, check: MeaningCheck, separators?: CommandSeparators): string | null {
  const keyword = tokens[read.at++];
  if (!keyword || keyword.type !== (a.isKnown ? a.name : "UNKNOWN") || !("text" in keyword) || keyword.text.toLowerCase() !== a.keyword.text.toLowerCase()) {
    return "the keyword changed";
  }
  for (const flag of a.flags) {
    const t = tokens[read.at++];
    if (!is<FlagToken>(t, "flag") || t.raw !== flag.raw) return "the flags changed";
  }
  if (tokens[read.at]?.type === "flag") return "the flags changed";
  if (a.healthcheckType) {
    const t = tokens[read.at++];
    if (!is<ValueToken>(t, "word") || t.value !== a.healthcheckType.value) return "the HEALTHCHECK type changed";
  }
  if (a.trigger) {
    if (tokens[read.at++]?.type !== "trigger") return "the ONBUILD trigger changed";
    const why = tokensChange(a.trigger, tokens, read, dialect, check, separators);
    return why ? `its trigger: ${why}` : null;
  }
  for (const arg of a.args) {
    const t = tokens[read.at++];
    switch (arg.kind) {
      case "json-array":
        if (!is<JsonToken>(t, "json") || t.elements.length !== arg.elements.length || t.elements.some((e, i) => e.value !== arg.elements[i]!.value)) {
          return "a JSON array changed";
        }
        break;
      case "key-value":
        if (!is<PairToken>(t, "pair") || t.key !== arg.key || t.value !== arg.value || t.separator !== arg.separator || t.raw !== arg.raw) {
          return `the value of '${arg.key}' changed`;
        }
        break;
      case "shell-command":
        if (!is<ValueToken>(t, "shell") || !sameCommand(arg.value, t.value, dialect, check, separators)) return "the shell command changed";
        break;
      default:
        if (!is<ValueToken>(t, "word", "string", "ignored") || t.value !== arg.value) return `the argument '${arg.value}' changed`;
    }
  }
  return null;
}

// A keyword token's type is an instruction name, so a type below names one kind of token.
function is<T extends CoarseToken>(t: CoarseToken | undefined, ...types: string[]): t is T {
  return t !== undefined && types.includes(t.type);
}

function sameCommand(a: string, b: string, dialect: PosixDialect | undefined, check: MeaningCheck, separators?: CommandSeparators): boolean {
  if (a === b) return true;
  if (!dialect) return false;
  if (separators ? differOnlyInResizedSeparators(a, b, separators) : differOnlyInSeparators(a, b)) return true;
  return check.isSameShellTree?.(a, b, dialect) ?? false;
}
