// nearley reads tokens through a lexer interface. The coarse tokens of a file are made before the
// grammar runs (see src/syntax/split-instruction.ts), so this "lexer" only hands them out in order.
// Grammar rules match tokens by `type` (`%FROM` matches `{ type: "FROM" }`).
import type { Lexer, LexerState, Token } from "nearley";

export class TokenStream implements Lexer {
  private tokens: ReadonlyArray<{ type: string }> = [];
  private index = 0;

  /** Sets the tokens the next `feed` reads. */
  load(tokens: ReadonlyArray<{ type: string }>): void {
    this.tokens = tokens;
    this.index = 0;
  }

  reset(_chunk: string, _state?: LexerState): void {
    this.index = 0;
  }

  next(): Token | undefined {
    return this.tokens[this.index++] as unknown as Token | undefined;
  }

  save(): LexerState {
    return {} as LexerState;
  }

  formatError(token: Token): string {
    return `unexpected ${String((token as { type?: string }).type)} token`;
  }

  has(_tokenType: string): boolean {
    return true;
  }
}
