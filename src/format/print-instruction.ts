// Lays out one instruction: keyword upper case, one space between the keyword, flags and arguments,
// JSON arrays as `["a", "b"]`, each continuation line indented by its nesting, and, in a continued
// shell-form command, `&&`/`||`/`;` chains broken one command per line. Only blanks that mean nothing
// change: between parts, between JSON elements, and the shell's separator blanks (separatorMask). A
// line break inside a quoted string or a word is kept exactly as written, its indentation included.
import { flattenInstruction, Part, type FlatInstruction, type InteriorComment } from "./flatten-instruction.js";
import type { ResolvedFormatOptions } from "./format-options.js";
import { printShellCommand } from "./print-shell-command.js";
import { separatorMask } from "./shell-spacing.js";
import { shellTokens, type ShellToken } from "./shell-structure.js";
import type { Instruction } from "../syntax/tree.js";
import type { PosixDialect } from "./posix-shell-instructions.js";

/** A place where the output line breaks: over the blanks [start, end), or exactly at `start` when kept as written. */
interface LineBreak {
  start: number;
  end: number;
  isKept: boolean;
  newline: string;
  comments: InteriorComment[];
}

export interface InstructionContext {
  source: string;
  escape: string;
  /** The dialect of the POSIX shell that runs the shell-form command; undefined for another shell, where every blank may count. */
  shellDialect: PosixDialect | undefined;
  /** The line break to use for new breaks. */
  newline: string;
  options: ResolvedFormatOptions;
}

/** The instruction's new text (without the line break after it), or null to keep it as written. */
export function printInstruction(ins: Instruction, context: InstructionContext): string | null {
  const isShellPrinted = context.options.shell && ins.name === "RUN" && ins.form === "shell";
  if (!isShellPrinted && isAlreadyLaidOut(ins, context.source)) return context.source.slice(ins.range.start.offset, ins.range.end.offset);
  const flat = flattenInstruction(ins, context.source);
  if (!flat) return null;
  const laidOut = layOut(flat, context);
  if (isShellPrinted) {
    const printed = printShellCommand(ins, flat, laidOut, context, (again, source) => printInstruction(again, { ...context, source, options: { ...context.options, shell: false } }));
    if (printed !== null) return printed;
  }
  return laidOut.text;
}

/** An instruction laid out, and what the shell printer needs to know of it. */
export interface LaidOut {
  text: string;
  /** Where the shell-form command starts in `text`; -1 without one. */
  shellAt: number;
  /** The chains break after their operators (`a && \`) rather than before them. */
  isTrailingStyle: boolean;
  /** A line break inside a word or quoted string of the command was kept as written. */
  hasKeptShellBreak: boolean;
}

function layOut(flat: FlatInstruction, context: InstructionContext): LaidOut {
  const isPosix = context.shellDialect !== undefined;
  const free = freeBlanks(flat, isPosix);
  const breaks = sourceBreaks(flat, free);
  const tokens = flat.shell && isPosix && breaks.length > 0 ? shellTokens(flat.text.slice(flat.shell.start, flat.shell.end)) : null;
  // Blanks where a break was and is no more become one space.
  const squeezed = new Uint8Array(flat.text.length);
  const isTrailingStyle = tokens && context.options.breakChains ? breakChains(flat, free, breaks, tokens, context.newline, squeezed) : false;
  const { text, shellAt } = emit(flat, breaks, tokens, squeezed, context);
  const shell = flat.shell;
  const hasKeptShellBreak = shell !== null && breaks.some((b) => b.isKept && b.start > shell.start && b.start < shell.end);
  return { text, shellAt, isTrailingStyle, hasKeptShellBreak };
}

const isBlank = (c: number) => c === 32 || c === 9;

// Most instructions are one line already as the formatter would write it: upper-case keyword, parts one
// space apart, nothing after the last. Those are told apart cheaply, from the instruction's own children.
function isAlreadyLaidOut(ins: Instruction, source: string): boolean {
  const start = ins.range.start.offset;
  const end = ins.range.end.offset;
  if (ins.range.end.line !== ins.range.start.line || ins.trigger || ins.form === "json") return false;
  if (ins.keyword.text !== ins.keyword.text.toUpperCase()) return false;
  const children = ins.children;
  if (children[children.length - 1]!.kind === "whitespace") return false;
  for (const child of children) if (child.kind === "whitespace" && child.text !== " ") return false;
  return end > start && source.charCodeAt(end - 1) !== 32;
}

// 1 for each character whose width means nothing: blanks between parts and JSON elements, and the
// shell's separators when a POSIX shell reads the command.
function freeBlanks(flat: FlatInstruction, isPosixShell: boolean): Uint8Array {
  const { text, parts } = flat;
  const free = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const p = parts[i];
    if (p === Part.Gap || (p === Part.JsonPunctuation && isBlank(text.charCodeAt(i)))) free[i] = 1;
  }
  // Separators matter only where the line breaks.
  if (flat.shell && isPosixShell && flat.joints.length > 0) {
    const mask = separatorMask(text.slice(flat.shell.start, flat.shell.end));
    free.set(mask, flat.shell.start);
  }
  return free;
}

// The source's own line breaks. A break inside a run of free blanks may move within it; one in a word
// or a quoted string stays exactly where it is. A line holding nothing but blanks and the escape is
// merged into its neighbour.
function sourceBreaks(flat: FlatInstruction, free: Uint8Array): LineBreak[] {
  const { text, parts } = flat;
  const breaks: LineBreak[] = [];
  for (const joint of flat.joints) {
    let start = joint.at;
    let end = joint.at;
    while (start > 0 && free[start - 1]) start--;
    while (end < text.length && free[end]) end++;
    // JSON allows a line break between an element and its punctuation even without blanks.
    const isJsonSeam =
      start === end &&
      ((parts[start - 1] === Part.JsonPunctuation && (parts[start] === Part.JsonPunctuation || parts[start] === Part.JsonString)) ||
        (parts[start - 1] === Part.JsonString && parts[start] === Part.JsonPunctuation));
    const isKept = start === end && !isJsonSeam;
    const last = breaks[breaks.length - 1];
    if (!isKept && last && !last.isKept && last.start === start) {
      last.comments.push(...joint.comments);
      continue;
    }
    breaks.push({ start: isKept ? joint.at : start, end: isKept ? joint.at : end, isKept, newline: joint.newline, comments: joint.comments });
  }
  return breaks;
}

// One command per line: each top-level `&&`/`||` gets a break before it or after it, as most of the
// command's existing breaks have it (before when none says), and each `;` a break after it. A break on
// the other side of an operator moves over when that side has no break yet.
function breakChains(flat: FlatInstruction, free: Uint8Array, breaks: LineBreak[], tokens: ShellToken[], newline: string, squeezed: Uint8Array): boolean {
  const base = flat.shell!.start;
  const text = flat.text;
  const at = (start: number, end: number) => breaks.findIndex((b) => !b.isKept && b.start === start && b.end === end);
  const blanksBefore = (i: number) => {
    let s = i;
    while (s > 0 && free[s - 1]) s--;
    return s;
  };
  const blanksAfter = (i: number) => {
    let e = i;
    while (e < text.length && free[e]) e++;
    return e;
  };
  let before = 0;
  let after = 0;
  for (const t of tokens) {
    if (!t.isChainOperator || t.text === ";") continue;
    const s = base + t.start;
    const e = base + t.end;
    if (at(blanksBefore(s), s) >= 0) before++;
    if (at(e, blanksAfter(e)) >= 0) after++;
  }
  const isTrailingStyle = after > before;
  for (const t of tokens) {
    if (!t.isChainOperator) continue;
    const s = base + t.start;
    const e = base + t.end;
    const beforeRun: [number, number] = [blanksBefore(s), s];
    const afterRun: [number, number] = [e, blanksAfter(e)];
    // Nothing to break after a command's last operator (`make;`), nor before its first.
    if (afterRun[1] >= flat.shell!.end || beforeRun[0] <= base) continue;
    const [want, other] = t.text === ";" || isTrailingStyle ? [afterRun, beforeRun] : [beforeRun, afterRun];
    if (want[0] === want[1] || at(want[0], want[1]) >= 0) continue;
    const moved = other[0] < other[1] ? at(other[0], other[1]) : -1;
    const lineBreak: LineBreak =
      moved >= 0 ? { ...breaks[moved]!, start: want[0], end: want[1] } : { start: want[0], end: want[1], isKept: false, newline, comments: [] };
    if (moved >= 0) {
      breaks.splice(moved, 1);
      squeezed.fill(1, other[0], other[1]);
    }
    const index = breaks.findIndex((b) => b.start > lineBreak.start);
    breaks.splice(index < 0 ? breaks.length : index, 0, lineBreak);
  }
  return isTrailingStyle;
}

// How deep the line after a break is indented: one level for the instruction, one per compound
// command open around it, and one more when it continues a command's words rather than starting one.
function levelAfter(flat: FlatInstruction, tokens: ShellToken[] | null, position: number): number {
  const shell = flat.shell;
  if (!tokens || !shell || position <= shell.start) return 1;
  const p = position - shell.start;
  const token = firstEndingAfter(tokens, p);
  if (!token) return 1;
  if (token.start < p) return 2 + token.depth; // inside a word or a comment
  return 1 + token.depth + (token.isCommandBoundary ? 0 : 1);
}

function emit(flat: FlatInstruction, breaks: LineBreak[], tokens: ShellToken[] | null, squeezed: Uint8Array, context: InstructionContext): { text: string; shellAt: number } {
  const { text } = flat;
  const { escape } = context;
  const unit = context.options.unit;
  const shellStart = flat.shell ? flat.shell.start : -1;
  let out = "";
  let shellAt = -1;
  const add = (from: number, to: number, isLineEnd: boolean) => {
    if (shellAt < 0 && from <= shellStart && shellStart < to) {
      out += segment(flat, squeezed, from, shellStart, false);
      shellAt = out.length;
      from = shellStart;
    }
    out += segment(flat, squeezed, from, to, isLineEnd);
  };
  let from = 0;
  for (const b of breaks) {
    add(from, b.start, false);
    if (b.isKept) {
      out += escape + b.newline;
      for (const c of b.comments) out += c.text.trimEnd() + c.newline;
      from = b.start;
      continue;
    }
    const indent = unit.repeat(levelAfter(flat, tokens, b.end));
    out += " " + escape + b.newline;
    for (const c of b.comments) out += indent + c.text.trim() + c.newline;
    out += indent;
    from = b.end;
  }
  add(from, text.length, true);
  return { text: out + flat.tail, shellAt };
}

// The text of [from, to) with blanks between parts made one space (none at the end of the line),
// the keyword in upper case, and JSON punctuation as `["a", "b"]`.
function segment(flat: FlatInstruction, squeezed: Uint8Array, from: number, to: number, isLineEnd: boolean): string {
  const { text, parts } = flat;
  let out = "";
  let i = from;
  while (i < to) {
    const p = parts[i]!;
    let j = i + 1;
    while (j < to && parts[j] === p) j++;
    switch (p) {
      case Part.Gap:
        if (!(isLineEnd && j === to)) out += " ";
        break;
      case Part.Keyword:
        out += text.slice(i, j).toUpperCase();
        break;
      case Part.JsonPunctuation: {
        let punctuation = "";
        for (let k = i; k < j; k++) if (!isBlank(text.charCodeAt(k))) punctuation += text[k];
        // A comma before an element on the same line is followed by one space.
        out += punctuation.endsWith(",") && j < to ? punctuation + " " : punctuation;
        break;
      }
      default:
        if (!hasSqueezed(squeezed, i, j)) out += text.slice(i, j);
        else {
          for (let k = i; k < j; k++) {
            if (!squeezed[k]) out += text[k];
            else if (!squeezed[k - 1]) out += " ";
          }
        }
    }
    i = j;
  }
  return out;
}

function hasSqueezed(squeezed: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (squeezed[k]) return true;
  return false;
}

// The first token ending after `p` (tokens are in order and do not overlap).
function firstEndingAfter(tokens: ShellToken[], p: number): ShellToken | undefined {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > p) hi = mid;
    else lo = mid + 1;
  }
  return tokens[lo];
}
