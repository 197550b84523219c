// Variable expansion as BuildKit does it (its shell lexer's ProcessWord and ProcessWords).
import { shellLex } from "../syntax/shell-lex.js";

export type Environment = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

export interface ExpandOptions {
  escape?: "\\" | "`";
}

function toMap(env: Environment): ReadonlyMap<string, string> {
  return env instanceof Map ? env : new Map(Object.entries(env));
}

/** Expands one word: quotes removed, escapes resolved, variables substituted, no splitting. */
export function expandWord(word: string, env: Environment, options: ExpandOptions = {}): { ok: true; value: string } | { ok: false; error: string } {
  const r = shellLex(word, { escape: options.escape ?? "\\", env: toMap(env) });
  return r.ok ? { ok: true, value: r.word } : { ok: false, error: r.error };
}

/** Expands a word and splits it into words, as EXPOSE and BuildKit's internal lexing do. */
export function expandWords(word: string, env: Environment, options: ExpandOptions = {}): { ok: true; words: string[] } | { ok: false; error: string } {
  const r = shellLex(word, { escape: options.escape ?? "\\", env: toMap(env) });
  return r.ok ? { ok: true, words: r.words } : { ok: false, error: r.error };
}
