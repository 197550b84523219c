// Reads a Dockerfile's physical lines (through the moo lexer in grammar/lexer.ts) into logical
// lines, the way BuildKit's parser loop does: directives at the top, comments, blank lines, and
// instructions with their continuation lines and heredoc bodies. Nothing is dropped: every lexer
// token is kept as a piece, so the tree can give back every byte.
import type moo from "moo";
import { physicalLexer, type EscapeChar } from "../../grammar/lexer.js";
import { trimSpaceBounds, utf8Length } from "./go-text.js";
import { findHeredocMarkers, type HeredocMarker } from "./heredoc-markers.js";
import { splitInstruction, type SplitResult } from "./split-instruction.js";

export type PieceKind = "bom" | "whitespace" | "newline" | "continuation" | "comment" | "text" | "heredoc-line";

/** A run of source text that is one kind of thing; pieces cover the source without gaps. */
export interface Piece {
  kind: PieceKind;
  start: number;
  end: number;
}

export interface ScannedDirective {
  name: string;
  value: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
}

export interface ScannedHeredoc {
  marker: HeredocMarker;
  content: string;
  bodyStart: number;
  bodyEnd: number;
  /** [start, end) of the terminator line without its line break; null when unterminated. */
  terminator: [number, number] | null;
}

export interface ScannedInstruction {
  /** Source pieces from the keyword to the last piece of the instruction (heredocs included). */
  pieces: Piece[];
  /** The logical line: content pieces joined. */
  line: string;
  /** segments[k] = [lineOffset, sourceOffset, length] of each content piece. */
  segments: Array<[number, number, number]>;
  /** The coarse tokens of the line, for the grammar, and the problems found splitting it. */
  split: SplitResult;
  heredocs: ScannedHeredoc[];
  heredocError: { message: string; start: number; end: number } | null;
  startLine: number;
  endLine: number;
  comments: string[];
  hasEmptyContinuation: boolean;
}

export type ScannedItem =
  | { kind: "piece"; piece: Piece }
  | { kind: "directive"; directive: ScannedDirective; piece: Piece }
  | { kind: "instruction"; instruction: ScannedInstruction };

export interface ScanProblem {
  kind: "directive-duplicate" | "directive-invalid-escape" | "line-too-long";
  message: string;
  start: number;
  end: number;
}

export interface ScanResult {
  items: ScannedItem[];
  escape: EscapeChar;
  hasBom: boolean;
  problems: ScanProblem[];
}

// BuildKit's directive pattern, applied to a line with leading whitespace removed. Go's `\s` is [\t\n\f\r ].
const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/;
const KNOWN_DIRECTIVES = new Set(["syntax", "escape", "check"]);
// bufio.Scanner's limit: a line of more bytes than this is a fatal error in BuildKit.
const MAX_LINE_BYTES = 65535;

/** Scans the source into top-level pieces, directives and instructions. */
export function scan(text: string): ScanResult {
  const items: ScannedItem[] = [];
  const problems: ScanProblem[] = [];
  const hasBom = text.charCodeAt(0) === 0xfeff;
  if (hasBom) items.push({ kind: "piece", piece: { kind: "bom", start: 0, end: 1 } });

  let escape: EscapeChar = "\\";
  let lexer: moo.Lexer = physicalLexer(escape);
  let base = hasBom ? 1 : 0;
  lexer.reset(hasBom ? text.slice(1) : text);
  let pending: moo.Token | undefined;
  const nextToken = (): moo.Token | undefined => {
    if (pending) {
      const t = pending;
      pending = undefined;
      return t;
    }
    return lexer.next();
  };
  const startOf = (t: moo.Token) => base + t.offset;
  const endOf = (t: moo.Token) => base + t.offset + t.text.length;

  let inDirectives = true;
  const seenDirectives = new Set<string>();
  let comments: string[] = [];
  let physLine = 1; // BuildKit's 1-based line number of the current token
  let lineStart = hasBom ? 1 : 0; // source offset where the current physical line starts
  let lineChecked = -1;

  const checkLineLength = () => {
    // Only lines long enough to possibly exceed the limit are measured.
    if (lineChecked === lineStart) return;
    lineChecked = lineStart;
    let end = text.indexOf("\n", lineStart);
    if (end < 0) end = text.length;
    if ((end - lineStart) * 3 <= MAX_LINE_BYTES) return;
    let contentEnd = end;
    while (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    if (utf8Length(text, lineStart, contentEnd) > MAX_LINE_BYTES) {
      problems.push({
        kind: "line-too-long",
        message: `Dockerfile line is longer than the maximum of ${MAX_LINE_BYTES} bytes BuildKit accepts.`,
        start: lineStart,
        end: contentEnd,
      });
    }
  };

  const onNewline = (t: moo.Token) => {
    if (t.text.endsWith("\n")) {
      physLine++;
      lineStart = endOf(t);
    }
  };

  // BuildKit collects the comment lines above an instruction; a bare `#` clears them.
  const collectComment = (start: number, end: number) => {
    const body = text.slice(start + 1, end);
    const [s, e] = trimSpaceBounds(body);
    if (s === e) comments = [];
    else comments.push(body.slice(s, e));
  };

  for (let t = nextToken(); t; t = nextToken()) {
    const start = startOf(t);
    const end = endOf(t);
    if (t.type !== "newline") checkLineLength();

    if (inDirectives && t.type === "hashLine") {
      const lead = trimSpaceBounds(t.text)[0];
      const m = DIRECTIVE.exec(t.text.slice(lead));
      const key = m?.[1]!.toLowerCase();
      collectComment(start, end);
      if (!m || !KNOWN_DIRECTIVES.has(key!)) {
        inDirectives = false;
        lexer.setState("start");
        items.push({ kind: "piece", piece: { kind: "comment", start, end } });
        continue;
      }
      const body = t.text.slice(lead);
      const valueStart = start + lead + body.search(/[\t\n\f\r ]*$/) - m[2]!.length;
      const nameStart = start + lead + body.indexOf(m[1]!);
      const directive: ScannedDirective = {
        name: key!,
        value: m[2]!,
        start,
        end,
        nameStart,
        nameEnd: nameStart + m[1]!.length,
        valueStart,
        valueEnd: valueStart + m[2]!.length,
      };
      items.push({ kind: "directive", directive, piece: { kind: "comment", start, end } });
      if (seenDirectives.has(key!)) {
        problems.push({
          kind: "directive-duplicate",
          message: `Only one ${key} parser directive can be used.`,
          start,
          end,
        });
        continue;
      }
      seenDirectives.add(key!);
      if (key === "escape") {
        if (m[2] !== "\\" && m[2] !== "`") {
          problems.push({
            kind: "directive-invalid-escape",
            message: `Invalid escape token '${m[2]}' does not match \` or \\.`,
            start: directive.valueStart,
            end: directive.valueEnd,
          });
        } else if (m[2] !== escape) {
          // The rest of the file is read with the other escape character's lexer.
          escape = m[2] as EscapeChar;
          lexer = physicalLexer(escape);
          lexer.reset(text.slice(end), { line: 1, col: 1, state: "directives" } as moo.LexerState);
          base = end;
        }
      }
      continue;
    }
    if (inDirectives && t.type !== "newline") {
      inDirectives = false;
      if (t.type === "blank" || t.type === "indent") lexer.setState("start");
    } else if (inDirectives && t.type === "newline" && start === lineStart) {
      inDirectives = false; // an empty line ends the directives
      lexer.setState("start");
    }

    switch (t.type) {
      case "newline":
        items.push({ kind: "piece", piece: { kind: "newline", start, end } });
        onNewline(t);
        continue;
      case "blank":
      case "indent":
        items.push({ kind: "piece", piece: { kind: "whitespace", start, end } });
        continue;
      case "comment":
      case "hashLine":
        collectComment(start, end);
        items.push({ kind: "piece", piece: { kind: "comment", start, end } });
        continue;
    }

    // An instruction starts with text or with a continuation escape.
    const pieces: Piece[] = [];
    const segments: Array<[number, number, number]> = [];
    let line = "";
    const startLine = physLine;
    let endLine = physLine;
    let hasEmptyContinuation = false;
    let atContinuedLineStart = false;
    let trailing: moo.Token | undefined;
    for (let u: moo.Token | undefined = t; u; u = nextToken()) {
      const us = startOf(u);
      const ue = endOf(u);
      if (u.type !== "newline") checkLineLength();
      switch (u.type) {
        case "text": {
          // The lexer gives a line's text in runs; consecutive runs make one piece and one segment.
          // Not `pieces[-1]` on the first token: V8 reads a negative index as a named property, slowly.
          const last = pieces.length > 0 ? pieces[pieces.length - 1] : undefined;
          if (last && last.kind === "text" && last.end === us) {
            last.end = ue;
            segments[segments.length - 1]![2] += ue - us;
          } else {
            segments.push([line.length, us, ue - us]);
            pieces.push({ kind: "text", start: us, end: ue });
          }
          line += u.text;
          atContinuedLineStart = false;
          endLine = physLine;
          continue;
        }
        case "continuation":
          pieces.push({ kind: "continuation", start: us, end: ue });
          atContinuedLineStart = false;
          endLine = physLine;
          continue;
        case "contComment":
          pieces.push({ kind: "comment", start: us, end: ue });
          atContinuedLineStart = false;
          endLine = physLine;
          continue;
        case "contBlank":
          pieces.push({ kind: "whitespace", start: us, end: ue });
          hasEmptyContinuation = true;
          atContinuedLineStart = false;
          endLine = physLine;
          continue;
        case "newline":
          if ((lexer as unknown as { state: string }).state === "start") {
            trailing = u;
            break;
          }
          if (atContinuedLineStart) hasEmptyContinuation = true;
          pieces.push({ kind: "newline", start: us, end: ue });
          // A line break belongs to the line it ends: after the last one there is no line at all.
          endLine = physLine;
          onNewline(u);
          atContinuedLineStart = true;
          continue;
        default:
          // Not reachable: the lexer's line states only make the tokens above.
          pieces.push({ kind: "text", start: us, end: ue });
          continue;
      }
      break;
    }
    const split: SplitResult = { tokens: [], problems: [] };
    splitInstruction(line, escape, split);
    const instruction: ScannedInstruction = {
      pieces,
      line,
      segments,
      split,
      heredocs: [],
      heredocError: null,
      startLine,
      endLine,
      comments,
      hasEmptyContinuation,
    };
    comments = [];
    items.push({ kind: "instruction", instruction });

    const markers = mayHaveHeredocs(split) ? findHeredocMarkers(line) : null;
    if (markers && !markers.ok) {
      instruction.heredocError = { message: markers.error, start: markers.start, end: markers.end };
    }
    if (markers?.ok && markers.markers.length > 0) {
      lexer.setState("heredoc");
      for (const marker of markers.markers) {
        // The line break before a body belongs to the instruction; the one after the last
        // terminator goes back to the top level.
        if (trailing) {
          pieces.push({ kind: "newline", start: startOf(trailing), end: endOf(trailing) });
          onNewline(trailing);
          trailing = undefined;
        }
        const heredoc = readHeredoc(marker);
        instruction.heredocs.push(heredoc);
        if (!heredoc.terminator) break;
      }
      lexer.setState("start");
    }
    if (trailing) pending = trailing;

    function readHeredoc(marker: HeredocMarker): ScannedHeredoc {
      const bodyStart = pieces[pieces.length - 1]!.end;
      let content = "";
      for (;;) {
        const lineFrom = lineStart;
        let u = nextToken();
        if (!u) return { marker, content, bodyStart, bodyEnd: text.length, terminator: null };
        let lineText = "";
        let lineEnd = lineFrom;
        if (u.type === "heredocLine") {
          checkLineLength();
          lineText = u.text;
          lineEnd = endOf(u);
          pieces.push({ kind: "heredoc-line", start: startOf(u), end: lineEnd });
          u = nextToken();
        }
        let candidate = lineText;
        if (marker.chomp) candidate = candidate.replace(/^\t+/, "");
        const lineNo = physLine;
        if (candidate === marker.name) {
          instruction.endLine = lineNo;
          trailing = u;
          return { marker, content, bodyStart, bodyEnd: lineFrom, terminator: [lineFrom, lineEnd] };
        }
        content += lineText;
        instruction.endLine = lineNo;
        if (u) {
          content += u.text; // the body keeps its line endings, CRLF included
          pieces.push({ kind: "newline", start: startOf(u), end: endOf(u) });
          onNewline(u);
        } else {
          return { marker, content, bodyStart, bodyEnd: text.length, terminator: null };
        }
      }
    }
  }
  return { items, escape, hasBom, problems };
}

// Heredocs open only on RUN, COPY and ADD (also as ONBUILD triggers), in shell form, and only when
// the line contains `<<`.
function mayHaveHeredocs(split: SplitResult): boolean {
  const tokens = split.tokens;
  let i = 0;
  if (tokens[i]?.type === "ONBUILD") {
    while (i < tokens.length && tokens[i]!.type !== "trigger" && tokens[i]!.type !== "end") i++;
    if (tokens[i]?.type !== "trigger") return false;
    i++;
  }
  const kw = tokens[i]?.type;
  if (kw !== "RUN" && kw !== "COPY" && kw !== "ADD") return false;
  for (let j = i + 1; j < tokens.length; j++) {
    const type = tokens[j]!.type;
    if (type === "json") return false;
    if (type === "end") break;
  }
  return true;
}
