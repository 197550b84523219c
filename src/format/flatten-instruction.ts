// An instruction read the way BuildKit reads it: one logical line (continuations joined, comment and
// blank lines inside dropped), with each character tagged by what it belongs to, and the places where
// the source broke the line. The formatter lays the logical line out again from this; what follows the
// logical line (its line break and heredoc bodies) is kept as written.
import type { Instruction, SyntaxNode, Token } from "../syntax/tree.js";

/** What a character of the logical line belongs to. */
export const Part = {
  /** Blanks between the keyword, flags and arguments. */
  Gap: 1,
  Keyword: 2,
  /** A JSON array's brackets, commas and blanks. */
  JsonPunctuation: 3,
  JsonString: 4,
  /** A shell-form command. */
  Shell: 5,
  /** Anything kept exactly: flags, words, key-value pairs, ... */
  Verbatim: 6,
} as const;
export type Part = (typeof Part)[keyof typeof Part];

/** A comment line inside a continuation, as written, and the line break after it. */
export interface InteriorComment {
  text: string;
  newline: string;
}

/** Where the source continued the line: before logical offset `at`. */
export interface Joint {
  at: number;
  newline: string;
  comments: InteriorComment[];
}

export interface FlatInstruction {
  /** The logical line from the keyword on. */
  text: string;
  /** What each character belongs to, as runs of one part, no two neighbours alike: pairs of part and length. */
  runs: number[];
  joints: Joint[];
  /** The logical range of the shell-form command, when there is one, and its text. */
  shell: { start: number; end: number; text: string } | null;
  /** The source after the logical line: its line break and any heredocs. */
  tail: string;
}

// Where the reader is: in a line, right after a continuation escape, between continued lines, or past the logical line.
const LINE = 0;
const AFTER_CONTINUATION = 1;
const INTERIOR = 2;
const TAIL = 3;

// The comments of a joint that has none (most): one array shared, replaced before a comment is added.
const NO_COMMENTS: InteriorComment[] = [];

// Where the shell-form command lies in the line being joined: its offsets, the pieces that hold it, and
// BuildKit's value of it.
interface ShellStretch {
  start: number;
  end: number;
  value: string;
  firstPiece: number;
  endPiece: number;
}

// The context of an instruction's own children, which are not in any part.
const INSTRUCTION = 0;

/** Flattens an instruction; null when it ends inside a continuation (at the end of the file). */
export function flattenInstruction(ins: Instruction, source: string): FlatInstruction | null {
  // The line is joined once at the end: a joined string is flat, which the scanners of the command
  // read faster than a string built piece by piece or a slice of one.
  const pieces: string[] = [];
  const runs: number[] = []; // pairs: part, length
  let length = 0;
  const joints: Joint[] = [];
  let state = LINE;
  let pendingBlank: string | null = null;
  let commentOpen = false;
  let tailStart = -1;
  let shell: ShellStretch | null = null;
  let isBroken = false;

  let shellStart = -1;
  let shellPiece = -1;
  const append = (piece: string, part: Part) => {
    if (piece.length === 0) return;
    if (part === Part.Shell && shellStart < 0) {
      shellStart = length;
      shellPiece = pieces.length;
    }
    pieces.push(piece);
    // Neighbouring pieces of one part make one run.
    if (runs.length > 0 && runs[runs.length - 2] === part) runs[runs.length - 1] += piece.length;
    else runs.push(part, piece.length);
    length += piece.length;
  };

  // Text of the instruction's own (`--` ending the flags, or a line's indentation before it): its
  // blanks separate parts.
  const appendBetweenParts = (text: string) => {
    const start = text.search(/[^ \t]/);
    if (start < 0) return append(text, Part.Gap);
    const end = text.search(/[ \t]*$/);
    append(text.slice(0, start), Part.Gap);
    append(text.slice(start, end), Part.Verbatim);
    append(text.slice(end), Part.Gap);
  };

  const leaf = (token: Token, part: Part | typeof INSTRUCTION) => {
    switch (state) {
      case TAIL:
        return;
      case LINE:
        if (token.kind === "continuation") {
          joints.push({ at: length, newline: "", comments: NO_COMMENTS });
          state = AFTER_CONTINUATION;
        } else if (token.kind === "newline") {
          state = TAIL;
          tailStart = token.range.start.offset;
        } else if (token.kind === "whitespace" || token.kind === "text") {
          if (part !== INSTRUCTION) append(token.text, part);
          else if (token.kind === "whitespace") append(token.text, Part.Gap);
          else appendBetweenParts(token.text);
        } else isBroken = true;
        return;
      case AFTER_CONTINUATION:
        if (token.kind === "newline") {
          joints[joints.length - 1]!.newline = token.text;
          state = INTERIOR;
          pendingBlank = null;
        } else isBroken = true;
        return;
      case INTERIOR:
        if (token.kind === "comment") {
          const joint = joints[joints.length - 1]!;
          if (joint.comments === NO_COMMENTS) joint.comments = [];
          joint.comments.push({ text: token.text, newline: "" });
          commentOpen = true;
          pendingBlank = null;
        } else if (token.kind === "newline") {
          // A comment line's break is kept with it; a blank line inside a continuation is dropped
          // (BuildKit skips it, and warns that it will not in future).
          if (commentOpen) joints[joints.length - 1]!.comments.at(-1)!.newline = token.text;
          commentOpen = false;
          pendingBlank = null;
        } else if (token.kind === "whitespace") {
          pendingBlank = token.text;
        } else if (token.kind === "text" || token.kind === "continuation") {
          // The next piece of the line; blanks before it are its indentation.
          if (pendingBlank !== null) append(pendingBlank, Part.Gap);
          pendingBlank = null;
          state = LINE;
          leaf(token, part);
        } else isBroken = true;
        return;
    }
  };

  const visit = (node: SyntaxNode, part: Part | typeof INSTRUCTION) => {
    for (const child of node.children) {
      switch (child.kind) {
        case "bom":
        case "whitespace":
        case "newline":
        case "continuation":
        case "comment":
        case "text":
        case "heredoc-line":
          leaf(child, part);
          break;
        case "keyword":
          visit(child, Part.Keyword);
          break;
        case "json-array":
          visit(child, Part.JsonPunctuation);
          break;
        case "json-string":
          visit(child, Part.JsonString);
          break;
        case "shell-command":
          visit(child, Part.Shell);
          shell = { start: shellStart, end: length, value: child.value, firstPiece: shellPiece, endPiece: pieces.length };
          break;
        case "instruction":
          visit(child, INSTRUCTION);
          break;
        case "heredoc":
          // Heredocs follow the logical line: they are in the tail, which is copied whole.
          if (state !== TAIL) isBroken = true;
          break;
        default:
          visit(child, Part.Verbatim);
      }
    }
  };
  visit(ins, INSTRUCTION);
  if (isBroken || state === AFTER_CONTINUATION || state === INTERIOR) return null;

  let shellRange: FlatInstruction["shell"] = null;
  const found = shell as ShellStretch | null;
  if (found && found.start >= 0) {
    // The command as BuildKit holds it must be exactly this stretch of the line; otherwise it is
    // treated as opaque text.
    const command = found.endPiece - found.firstPiece === 1 ? pieces[found.firstPiece]! : pieces.slice(found.firstPiece, found.endPiece).join("");
    if (command === found.value) shellRange = { start: found.start, end: found.end, text: command };
    else for (let k = 0; k < runs.length; k += 2) if (runs[k] === Part.Shell) runs[k] = Part.Verbatim;
  }
  const text = pieces.join("");
  const tail = tailStart >= 0 ? source.slice(tailStart, ins.range.end.offset) : "";
  return { text, runs, joints, shell: shellRange, tail };
}

/** What the character at `i` of a flattened instruction belongs to (0 outside it). */
export function partAt(flat: FlatInstruction, i: number): number {
  const runs = flat.runs;
  for (let k = 0, at = 0; k < runs.length; k += 2) {
    at += runs[k + 1]!;
    if (i < at) return i < 0 ? 0 : runs[k]!;
  }
  return 0;
}
