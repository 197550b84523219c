// The physical layer of a Dockerfile as a stateful moo lexer: which bytes are directives, comments,
// blank lines, instruction text, line continuations and heredoc body lines. It follows BuildKit's
// line reader (frontend/dockerfile/parser/parser.go), which works line by line:
//   - a line ends at `\n`; trailing `\r`s are not part of its content;
//   - the first line of an instruction loses its leading whitespace; continuation lines keep theirs;
//   - a line continues when it ends in the escape character plus spaces or tabs, unless the character
//     before that escape is the escape itself (`\\` at the end does not continue, a lone `\` does);
//   - inside a continuation, comment lines are dropped and blank lines are skipped (with a warning).
// Heredoc bodies depend on what the instruction says, so the parser switches to the `heredoc` state
// itself once it has read an instruction that opens one.
import moo from "moo";
import { GO_SPACE_CLASS } from "../src/syntax/go-text.js";

export type EscapeChar = "\\" | "`";

export type PhysicalTokenType =
  | "hashLine" // a `#` line at the top, where directives may still be: the parser decides which it is
  | "comment"
  | "blank" // whitespace before a line break on an otherwise empty line
  | "indent" // leading whitespace before an instruction
  | "text"
  | "continuation"
  | "newline"
  | "contComment" // a comment line inside a continuation
  | "contBlank" // a whitespace-only line inside a continuation
  | "heredocLine";

export type LexerState = "directives" | "start" | "line" | "afterContinuation" | "continued" | "heredoc";

function escapeRegex(ch: string): string {
  return ch.replace(/[\\`^$.*+?()[\]{}|/-]/g, "\\$&");
}

function rules(escape: EscapeChar): Record<LexerState, moo.Rules> {
  const E = escapeRegex(escape);
  const WS = `[${GO_SPACE_CLASS}]`;
  // The end of a line's content: trailing `\r`s, then `\n` or the end of the input. moo compiles with
  // the `m` flag, under which `$` also matches before a lone `\r` or U+2028; BuildKit breaks lines
  // only at `\n`, so the end of the input is written as "no character follows".
  const END = String.raw`(?![\s\S])`;
  const EOL = String.raw`\r*(?:\n|${END})`;
  // Line content never includes its trailing `\r`s nor a continuation escape. A run of two or more
  // escapes at the end of a line is text (BuildKit's regex needs a non-escape before the escape).
  // One text token is one run of this; the parser joins runs. A single regex repeating all the
  // alternatives would make V8 keep a backtracking entry per character, and overflow on long lines.
  const text = new RegExp(
    String.raw`[^\r\n${E}]+|\r+(?=[^\r\n])|${E}{2,}(?=[ \t]*${EOL})|${E}(?![ \t]*${EOL})`,
  );
  const continuation = new RegExp(`${E}[ \\t]*(?=${EOL})`);
  const commentBody = String.raw`#[^\r\n]*(?:\r+[^\r\n]+)*`;
  // A lone `\n` is the most frequent token. moo matches a one-character literal through a lookup
  // table instead of its combined RegExp, but only for rules listed before any RegExp rule of the
  // state. So `newline` is first in every state: no other rule can match where it does (the `\r`s of
  // text, comments and heredoc lines must be followed by more content, not by a line break).
  const lineBreak = new RegExp(String.raw`\r*\n|\r+${END}`);
  const newlineThen = (next?: LexerState): moo.Rule[] =>
    [{ match: "\n" }, { match: lineBreak }].map((rule) => ({ ...rule, lineBreaks: true, ...(next && { next }) }));
  const newline = newlineThen();
  const blank = new RegExp(`${WS}+(?=\\n|${END})`);
  // Line breaks come before blank lines in each state: `\r\n` is a line break, not a line of
  // whitespace (which would end the directives or count as an empty continuation line).
  return {
    directives: {
      newline,
      hashLine: new RegExp(`${WS}*${commentBody}`),
      blank,
      indent: new RegExp(`${WS}+`),
      continuation: { match: continuation, next: "afterContinuation" },
      text: { match: text, next: "line" },
    },
    start: {
      newline,
      blank,
      comment: new RegExp(`${WS}*${commentBody}`),
      indent: new RegExp(`${WS}+`),
      continuation: { match: continuation, next: "afterContinuation" },
      text: { match: text, next: "line" },
    },
    line: {
      newline: newlineThen("start"),
      text,
      continuation: { match: continuation, next: "afterContinuation" },
    },
    afterContinuation: {
      newline: newlineThen("continued"),
    },
    continued: {
      newline,
      contComment: new RegExp(`${WS}*${commentBody}`),
      contBlank: blank,
      continuation: { match: continuation, next: "afterContinuation" },
      text: { match: text, next: "line" },
    },
    heredoc: {
      // A body line without its line break; `\r`s inside the line are part of it.
      newline,
      heredocLine: new RegExp(String.raw`(?:[^\r\n]|\r+[^\r\n])[^\r\n]*(?:\r+[^\r\n]+)*`),
    },
  };
}

const lexers = new Map<EscapeChar, moo.Lexer>();

/** The physical-line lexer for an escape character; compiled once and reused. */
export function physicalLexer(escape: EscapeChar): moo.Lexer {
  let lexer = lexers.get(escape);
  if (!lexer) {
    lexer = moo.states(rules(escape), "directives");
    lexers.set(escape, lexer);
  }
  return lexer;
}
