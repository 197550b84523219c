// Lays out a whole Dockerfile: instructions start their line, comment lines lose their trailing
// blanks (and keep their indentation, which BuildKit keeps in the comment it records), runs of blank lines become one, stages are one blank line apart, and the file ends
// with one line break. Parser directives, and the blank line that may end them, stay as written: a
// comment that moved up into their place would become a directive.
import type { Dockerfile, Instruction, SyntaxNode } from "../syntax/tree.js";
import type { ResolvedFormatOptions } from "./format-options.js";
import type { PosixDialect } from "./posix-shell-instructions.js";
import { isLaidOutAsWritten, printInstruction, type PrintedInstruction } from "./print-instruction.js";

type Line =
  | { kind: "blank"; newline: string }
  | { kind: "comment"; text: string; newline: string }
  | { kind: "directive"; text: string; newline: string }
  | { kind: "instruction"; node: Instruction; newline: string };

export interface PrintedFile {
  text: string;
  /** The line break new lines get: the file's first. */
  newline: string;
  /** The instructions whose text changed, in order, with their new text (line break excluded). */
  changed: Array<{ instruction: Instruction } & PrintedInstruction>;
}

/** The formatted text of a parsed file. */
export function printFile(tree: Dockerfile, options: ResolvedFormatOptions, posixShell: ReadonlyMap<Instruction, PosixDialect>): PrintedFile {
  const changed: PrintedFile["changed"] = [];
  const source = tree.text;
  const newline = firstNewline(source);
  const lines = topLevelLines(tree);
  let out = tree.hasBom ? "\ufeff" : "";
  const firstInstruction = lines.findIndex((l) => l.kind === "instruction");
  let seenFrom = false;
  let pendingBlank: string | null = null;
  let hasOutput = false;

  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.kind === "blank") {
      pendingBlank ??= line.newline;
      continue;
    }
    const isPrelude = firstInstruction < 0 || k < firstInstruction;
    if (pendingBlank !== null) {
      // Blank lines at the top go, unless they keep a comment below them from being read as a directive.
      if (hasOutput || (isPrelude && line.kind !== "instruction")) out += pendingBlank;
      pendingBlank = null;
    } else if (line.kind !== "directive" && startsStage(lines, k, seenFrom)) {
      out += newline;
    }
    if (line.kind === "instruction") {
      const ins = line.node;
      if (ins.name === "FROM") seenFrom = true;
      const start = ins.range.start.offset;
      const end = ins.range.end.offset;
      if (isLaidOutAsWritten(ins, source, options)) {
        // Most instructions: copied, with no layout to make and no text to compare.
        out += source.slice(start, end);
        out += line.newline || newline;
        hasOutput = true;
        continue;
      }
      const printed = printInstruction(ins, {
        source,
        escape: tree.escape,
        shellDialect: posixShell.get(ins),
        newline: lineBreakOf(source, ins) ?? (line.newline ? plainBreak(line.newline) : newline),
        options,
      });
      if (printed === null) out += source.slice(start, end);
      else {
        const text = printed.text;
        // Equality of two strings is compared natively; startsWith at an offset is slower.
        if (text.length !== end - start || source.substring(start, end) !== text) changed.push({ instruction: ins, text, separators: printed.separators });
        out += text;
      }
      // The last line gets its line break, unless it ends in a continuation left open.
      out += line.newline || (printed !== null ? newline : "");
    } else if (line.kind === "directive") {
      out += line.text + line.newline;
    } else {
      // Only trailing blanks go: BuildKit keeps an indented comment with its `#` (PrevComment), so its indentation counts.
      out += withoutTrailingBlanks(line.text) + (line.newline || newline);
    }
    hasOutput = true;
  }
  return { text: out, newline, changed };
}

// A FROM after the first one starts a new stage: it gets a blank line above it (and above the
// comments that sit right on top of it) when the source has none.
function startsStage(lines: Line[], k: number, seenFrom: boolean): boolean {
  if (!seenFrom) return false;
  for (let j = k; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.kind === "comment") continue;
    if (line.kind !== "instruction" || line.node.name !== "FROM") return false;
    // Only the first line of the comment block takes the blank line.
    const previous = lines[k - 1];
    return previous !== undefined && previous.kind !== "blank" && previous.kind !== "comment";
  }
  return false;
}

// The file's top level as lines: blank, comment, directive or instruction, each with its line break.
function topLevelLines(tree: Dockerfile): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  let blanks = "";
  const close = (newline: string) => {
    // A blank line of `\f\r` and `\n` is a CRLF line too.
    if (current) {
      current.newline = newline;
      lines.push(current);
    } else lines.push({ kind: "blank", newline: blanks.endsWith("\r") && newline === "\n" ? "\r\n" : newline });
    current = null;
    blanks = "";
  };
  for (const child of tree.children as SyntaxNode[]) {
    switch (child.kind) {
      case "newline":
        close(child.text);
        break;
      case "comment":
        current = { kind: "comment", text: child.text, newline: "" };
        break;
      case "directive":
        current = { kind: "directive", text: child.children.map((c) => ("text" in c ? c.text : "")).join(""), newline: "" };
        break;
      case "instruction":
        current = { kind: "instruction", node: child, newline: "" };
        break;
      case "whitespace":
        blanks = child.text; // before an instruction or comment, or a blank line's
        break;
      default:
        break; // the BOM, printed apart
    }
  }
  if (current) close("");
  return lines;
}

// The text without the spaces and tabs at its end (a regular expression anchored at the end tries every position).
function withoutTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end === text.length ? text : text.slice(0, end);
}

function firstNewline(text: string): string {
  const at = text.indexOf("\n");
  if (at < 0) return "\n";
  return at > 0 && text[at - 1] === "\r" ? "\r\n" : "\n";
}

// A new line break like an existing one: CRLF or LF.
function plainBreak(newline: string): string {
  return newline.endsWith("\r\n") ? "\r\n" : "\n";
}

// The first line break inside an instruction (so that a CRLF file gets CRLF breaks), if it has one.
function lineBreakOf(source: string, ins: Instruction): string | null {
  const start = ins.range.start.offset;
  const at = source.indexOf("\n", start);
  if (at < 0 || at >= ins.range.end.offset) return null;
  return at > start && source[at - 1] === "\r" ? "\r\n" : "\n";
}
