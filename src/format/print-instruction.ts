// Lays out one instruction: keyword upper case, one space between the keyword, flags and arguments,
// JSON arrays as `["a", "b"]`, each continuation line indented by its nesting, and, in a continued
// shell-form command, `&&`/`||`/`;` chains broken one command per line. Only blanks that mean nothing
// change: between parts, between JSON elements, and the shell's separator blanks (separatorMask). A
// line break inside a quoted string or a word is kept exactly as written, its indentation included.
import { flattenInstruction, Part, partAt, type FlatInstruction, type InteriorComment } from "./flatten-instruction.js";
import type { ResolvedFormatOptions } from "./format-options.js";
import { printShellCommand } from "./print-shell-command.js";
import { separatorMask, type CommandSeparators } from "./shell-spacing.js";
import { shellTokens, TokenFlag, type ShellTokens } from "./shell-structure.js";
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

export interface PrintedInstruction {
  /** The new text, without the line break after it. */
  text: string;
  /** The old shell-form command's separator blanks and those the layout resized, when they were marked. */
  separators: CommandSeparators | null;
}

/**
 * The instruction's new text, or null to keep it as written. Its callers ask isLaidOutAsWritten first,
 * which tells most instructions apart without laying them out.
 */
export function printInstruction(ins: Instruction, context: InstructionContext): PrintedInstruction | null {
  const isShellPrinted = context.options.shell && ins.name === "RUN" && ins.form === "shell";
  const flat = flattenInstruction(ins, context.source);
  if (!flat) return null;
  const laidOut = layOut(flat, context);
  if (isShellPrinted) {
    const again = (next: Instruction, source: string) => {
      const options = { ...context.options, shell: false };
      if (isLaidOutAsWritten(next, source, options)) return source.slice(next.range.start.offset, next.range.end.offset);
      return printInstruction(next, { ...context, source, options })?.text ?? null;
    };
    const printed = printShellCommand(ins, flat, laidOut, context, again);
    if (printed !== null) return { text: printed, separators: null };
  }
  return { text: laidOut.text, separators: laidOut.separators };
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
  /** The shell-form command's separator blanks and those the layout resized, when they were marked. */
  separators: CommandSeparators | null;
}

function layOut(flat: FlatInstruction, context: InstructionContext): LaidOut {
  const isPosix = context.shellDialect !== undefined;
  // Without line breaks there are no blanks to re-measure, and no chains to break.
  const mask = flat.joints.length > 0 && flat.shell && isPosix ? separatorMask(flat.shell.text) : null;
  const free = flat.joints.length > 0 ? freeBlanks(flat, mask) : null;
  const breaks = free ? sourceBreaks(flat, free) : [];
  const tokens = free && flat.shell && isPosix && breaks.length > 0 ? shellTokens(flat.shell.text, scratchTokens) : null;
  const chains = free && tokens && context.options.breakChains ? breakChains(flat, free, breaks, tokens, context.newline) : null;
  const isTrailingStyle = chains?.isTrailingStyle ?? false;
  const { text, shellAt } = emit(flat, breaks, tokens, chains?.squeezed ?? null, context);
  const shell = flat.shell;
  const hasKeptShellBreak = shell !== null && breaks.some((b) => b.isKept && b.start > shell.start && b.start < shell.end);
  const separators = mask && shell ? { mask, resized: resizedRuns(breaks, chains?.squeezedRuns ?? [], shell) } : null;
  return { text, shellAt, isTrailingStyle, hasKeptShellBreak, separators };
}

const isBlank = (c: number) => c === 32 || c === 9;

/** Whether printInstruction would give the instruction's text as written; told cheaply, for most one-line instructions. */
export function isLaidOutAsWritten(ins: Instruction, source: string, options: ResolvedFormatOptions): boolean {
  const isShellPrinted = options.shell && ins.name === "RUN" && ins.form === "shell";
  return !isShellPrinted && isAlreadyLaidOut(ins, source);
}

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

// Buffers that every instruction's layout uses and lets go of before the next one's.
let scratch = new Uint8Array(4096);
const scratchTokens: ShellTokens = { count: 0, start: [], end: [], depth: [], flags: [] };

// 1 for each character whose width means nothing: blanks between parts and JSON elements, and the
// shell's separators when a POSIX shell reads the command.
function freeBlanks(flat: FlatInstruction, separators: Uint8Array | null): Uint8Array {
  const { text, runs } = flat;
  if (scratch.length < text.length) scratch = new Uint8Array(Math.max(text.length, 2 * scratch.length));
  const free = scratch.subarray(0, text.length);
  free.fill(0);
  for (let k = 0, at = 0; k < runs.length; at += runs[k + 1]!, k += 2) {
    const end = at + runs[k + 1]!;
    if (runs[k] === Part.Gap) free.fill(1, at, end);
    else if (runs[k] === Part.JsonPunctuation) for (let i = at; i < end; i++) if (isBlank(text.charCodeAt(i))) free[i] = 1;
  }
  if (separators) free.set(separators, flat.shell!.start);
  return free;
}

// The source's own line breaks. A break inside a run of free blanks may move within it; one in a word
// or a quoted string stays exactly where it is. A line holding nothing but blanks and the escape is
// merged into its neighbour.
function sourceBreaks(flat: FlatInstruction, free: Uint8Array): LineBreak[] {
  const { text } = flat;
  const breaks: LineBreak[] = [];
  for (const joint of flat.joints) {
    let start = joint.at;
    let end = joint.at;
    while (start > 0 && free[start - 1]) start--;
    while (end < text.length && free[end]) end++;
    // JSON allows a line break between an element and its punctuation even without blanks.
    const before = start === end ? partAt(flat, start - 1) : 0;
    const after = start === end ? partAt(flat, start) : 0;
    const isJsonSeam =
      (before === Part.JsonPunctuation && (after === Part.JsonPunctuation || after === Part.JsonString)) ||
      (before === Part.JsonString && after === Part.JsonPunctuation);
    const isKept = start === end && !isJsonSeam;
    const last = breaks[breaks.length - 1];
    if (!isKept && last && !last.isKept && last.start === start) {
      // Joints share one empty array of comments: the merged list is a new one.
      if (joint.comments.length > 0) last.comments = [...last.comments, ...joint.comments];
      continue;
    }
    breaks.push({ start: isKept ? joint.at : start, end: isKept ? joint.at : end, isKept, newline: joint.newline, comments: joint.comments });
  }
  return breaks;
}

// One command per line: each top-level `&&`/`||` gets a break before it or after it, as most of the
// command's existing breaks have it (before when none says), and each `;` a break after it. A break on
// the other side of an operator moves over when that side has no break yet.
function breakChains(
  flat: FlatInstruction,
  free: Uint8Array,
  breaks: LineBreak[],
  tokens: ShellTokens,
  newline: string,
): { isTrailingStyle: boolean; squeezed: Uint8Array | null; squeezedRuns: number[] } {
  // Blanks where a break was and is no more become one space.
  let squeezed: Uint8Array | null = null;
  const squeezedRuns: number[] = [];
  const base = flat.shell!.start;
  const text = flat.text;
  // The movable breaks by where their blanks start (each run of blanks has at most one). Most commands
  // have their chains broken already: the map is made on the first change, and until then the breaks,
  // which are in order, are searched.
  let movable: Map<number, LineBreak> | null = null;
  const at = (start: number, end: number) => {
    const b = movable ? movable.get(start) : movableAt(breaks, start);
    return b !== undefined && b.end === end ? b : undefined;
  };
  const change = () => {
    if (movable) return movable;
    movable = new Map<number, LineBreak>();
    for (const b of breaks) if (!b.isKept) movable.set(b.start, b);
    return movable;
  };
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
  for (let t = 0; t < tokens.count; t++) {
    if ((tokens.flags[t]! & (TokenFlag.ChainOperator | TokenFlag.Semicolon)) !== TokenFlag.ChainOperator) continue;
    const s = base + tokens.start[t]!;
    const e = base + tokens.end[t]!;
    if (at(blanksBefore(s), s)) before++;
    if (at(e, blanksAfter(e))) after++;
  }
  const isTrailingStyle = after > before;
  for (let t = 0; t < tokens.count; t++) {
    const flags = tokens.flags[t]!;
    if (!(flags & TokenFlag.ChainOperator)) continue;
    const s = base + tokens.start[t]!;
    const e = base + tokens.end[t]!;
    const beforeStart = blanksBefore(s);
    const afterEnd = blanksAfter(e);
    // Nothing to break after a command's last operator (`make;`), nor before its first.
    if (afterEnd >= flat.shell!.end || beforeStart <= base) continue;
    const isAfter = (flags & TokenFlag.Semicolon) !== 0 || isTrailingStyle;
    const [wantStart, wantEnd, otherStart, otherEnd] = isAfter ? [e, afterEnd, beforeStart, s] : [beforeStart, s, e, afterEnd];
    if (wantStart === wantEnd || at(wantStart, wantEnd)) continue;
    const moved = otherStart < otherEnd ? at(otherStart, otherEnd) : undefined;
    const changing = change();
    if (moved) {
      changing.delete(otherStart);
      (squeezed ??= new Uint8Array(text.length)).fill(1, otherStart, otherEnd);
      squeezedRuns.push(otherStart, otherEnd);
    }
    changing.set(wantStart, moved ? { ...moved, start: wantStart, end: wantEnd } : { start: wantStart, end: wantEnd, isKept: false, newline, comments: [] });
  }
  if (movable) {
    const kept = breaks.filter((b) => b.isKept);
    breaks.length = 0;
    breaks.push(...kept, ...(movable as Map<number, LineBreak>).values());
    breaks.sort((x, y) => x.start - y.start);
  }
  return { isTrailingStyle, squeezed, squeezedRuns };
}

// The movable break whose blanks start at `start`, if any; `breaks` are sorted by start.
function movableAt(breaks: LineBreak[], start: number): LineBreak | undefined {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < breaks.length && breaks[k]!.start === start; k++) if (!breaks[k]!.isKept) return breaks[k];
  return undefined;
}

// The runs of separator blanks in the command that the layout resized (breaks, and blanks squeezed where a
// break moved away), sorted, as pairs of start and end in the command.
function resizedRuns(breaks: LineBreak[], squeezedRuns: number[], shell: { start: number; end: number }): number[] {
  const runs: number[] = [];
  for (const b of breaks) if (!b.isKept && b.start >= shell.start && b.end <= shell.end && b.start < b.end) runs.push(b.start - shell.start, b.end - shell.start);
  if (squeezedRuns.length === 0) return runs; // the breaks are in order already
  for (let k = 0; k < squeezedRuns.length; k += 2) runs.push(squeezedRuns[k]! - shell.start, squeezedRuns[k + 1]! - shell.start);
  const pairs = Array.from({ length: runs.length / 2 }, (_, k) => [runs[2 * k]!, runs[2 * k + 1]!] as const);
  return pairs.sort((x, y) => x[0] - y[0]).flat();
}

// How deep the line after a break is indented: one level for the instruction, one per compound
// command open around it, and one more when it continues a command's words rather than starting one.
function levelAfter(flat: FlatInstruction, tokens: ShellTokens | null, position: number): number {
  const shell = flat.shell;
  if (!tokens || !shell || position <= shell.start) return 1;
  const p = position - shell.start;
  const t = firstEndingAfter(tokens, p);
  if (t === tokens.count) return 1;
  if (tokens.start[t]! < p) return 2 + tokens.depth[t]!; // inside a word or a comment
  return 1 + tokens.depth[t]! + (tokens.flags[t]! & TokenFlag.CommandBoundary ? 0 : 1);
}

function emit(flat: FlatInstruction, breaks: LineBreak[], tokens: ShellTokens | null, squeezed: Uint8Array | null, context: InstructionContext): { text: string; shellAt: number } {
  const { text } = flat;
  const { escape } = context;
  const unit = context.options.unit;
  const shellStart = flat.shell ? flat.shell.start : -1;
  let out = "";
  let shellAt = -1;
  const cursor: RunCursor = { k: 0, start: 0 };
  const add = (from: number, to: number, isLineEnd: boolean) => {
    if (shellAt < 0 && from <= shellStart && shellStart < to) {
      out += segment(flat, squeezed, from, shellStart, false, cursor);
      shellAt = out.length;
      from = shellStart;
    }
    out += segment(flat, squeezed, from, to, isLineEnd, cursor);
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
    const indent = indentOf(unit, levelAfter(flat, tokens, b.end));
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
function segment(flat: FlatInstruction, squeezed: Uint8Array | null, from: number, to: number, isLineEnd: boolean, cursor: RunCursor): string {
  const { text, runs } = flat;
  let out = "";
  // Segments come in order: move the cursor on to the run holding `from`.
  while (cursor.start + runs[cursor.k + 1]! <= from) {
    cursor.start += runs[cursor.k + 1]!;
    cursor.k += 2;
  }
  let k = cursor.k;
  let runEnd = cursor.start;
  for (let i = from; i < to; k += 2) {
    const p = runs[k]!;
    runEnd += runs[k + 1]!;
    const j = Math.min(runEnd, to);
    switch (p) {
      case Part.Gap:
        if (!(isLineEnd && j === to)) out += " ";
        break;
      case Part.Keyword:
        out += text.slice(i, j).toUpperCase();
        break;
      case Part.JsonPunctuation: {
        let punctuation = "";
        for (let c = i; c < j; c++) if (!isBlank(text.charCodeAt(c))) punctuation += text[c];
        // A comma before an element on the same line is followed by one space.
        out += punctuation.endsWith(",") && j < to ? punctuation + " " : punctuation;
        break;
      }
      default:
        if (!squeezed || !hasSqueezed(squeezed, i, j)) out += text.slice(i, j);
        else {
          for (let c = i; c < j; c++) {
            if (!squeezed[c]) out += text[c];
            else if (!squeezed[c - 1]) out += " ";
          }
        }
    }
    i = j;
  }
  return out;
}

const indents = new Map<string, string[]>();

// `unit` repeated `level` times, made once.
function indentOf(unit: string, level: number): string {
  let byLevel = indents.get(unit);
  if (!byLevel) indents.set(unit, (byLevel = []));
  return (byLevel[level] ??= unit.repeat(level));
}

/** Where segment() is in an instruction's runs: the run index (into the pairs) and where the run starts. */
interface RunCursor {
  k: number;
  start: number;
}

function hasSqueezed(squeezed: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (squeezed[k]) return true;
  return false;
}

// The index of the first token ending after `p` (tokens are in order and do not overlap), or the count.
function firstEndingAfter(tokens: ShellTokens, p: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.end[mid]! > p) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
