// The physical-line lexer where its rules meet at `\r` and `\n`: a line break is matched first in
// every state (a lookup table for `\n`), so these cases pin that no other token is lost to it.
import { describe, expect, it } from "vitest";
import { physicalLexer, type LexerState } from "../../grammar/lexer.js";

function tokens(text: string, state: LexerState): string[] {
  const lexer = physicalLexer("\\");
  lexer.reset(text, { line: 1, col: 1, state } as Parameters<typeof lexer.reset>[1]);
  return Array.from(lexer, (t) => `${t.type}:${JSON.stringify(t.text)}`);
}

describe("physical lexer at line breaks", () => {
  it("reads LF, CRLF, runs of CR before LF and a trailing CR run as line breaks", () => {
    expect(tokens("RUN a\nRUN b\r\nRUN c\r\r\n\r\r", "start")).toEqual([
      'text:"RUN a"', 'newline:"\\n"',
      'text:"RUN b"', 'newline:"\\r\\n"',
      'text:"RUN c"', 'newline:"\\r\\r\\n"',
      'newline:"\\r\\r"',
    ]);
  });

  it("keeps a CR followed by content inside the text of a line", () => {
    expect(tokens("RUN a\rb\r\n", "start")).toEqual(['text:"RUN a"', 'text:"\\r"', 'text:"b"', 'newline:"\\r\\n"']);
  });

  it("tells a comment starting with CR from a line break at the top of the file", () => {
    expect(tokens("\r# syntax=x\r\n\n", "directives")).toEqual(['hashLine:"\\r# syntax=x"', 'newline:"\\r\\n"', 'newline:"\\n"']);
  });

  it("ends a continuation at its line break and reads the continued line", () => {
    expect(tokens("RUN a \\\r\n  b\n", "start")).toEqual([
      'text:"RUN a "', 'continuation:"\\\\"', 'newline:"\\r\\n"', 'text:"  b"', 'newline:"\\n"',
    ]);
  });

  it("keeps CRs inside a heredoc body line and ends it at a line break", () => {
    expect(tokens("a\rb\r\n\n\rc", "heredoc")).toEqual(['heredocLine:"a\\rb"', 'newline:"\\r\\n"', 'newline:"\\n"', 'heredocLine:"\\rc"']);
  });
});
