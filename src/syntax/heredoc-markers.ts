// Finding heredoc markers in an instruction line, as BuildKit's parser does (heredocsFromLine):
// the whole line is split into words by the shell lexer with quotes and escapes kept raw, and every
// word of the form `[n]<<[-]DELIM` opens a heredoc. The delimiter is then lexed again with and
// without quote removal: if the two differ in quote count, part of it was quoted and the body is
// not expanded.
import { shellLex } from "./shell-lex.js";

export interface HeredocMarker {
  name: string;
  expand: boolean;
  chomp: boolean;
  fileDescriptor: number;
  /** The marker word as it stands in the line, and where, when it can be found. */
  word: string;
  start: number;
  end: number;
}

export type HeredocMarkers = { ok: true; markers: HeredocMarker[] } | { ok: false; error: string; start: number; end: number };

const NO_ENV = new Map<string, string>();
const HEREDOC_WORD = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

/** The heredocs an instruction line opens, in order. Heredoc words always use `\` as escape. */
export function findHeredocMarkers(line: string): HeredocMarkers {
  const markers: HeredocMarker[] = [];
  if (!line.includes("<<")) return { ok: true, markers };
  const lexed = shellLex(line, { escape: "\\", env: NO_ENV, rawQuotes: true, rawEscapes: true, skipUnsetEnv: true });
  if (!lexed.ok) return { ok: true, markers }; // BuildKit ignores a line the lexer cannot split
  let searchFrom = 0;
  for (const word of lexed.words) {
    const m = HEREDOC_WORD.exec(word);
    if (!m || m[3] === "") continue;
    const rest = m[3]!;
    const plain = shellLex(rest, { escape: "\\", env: NO_ENV, skipUnsetEnv: true });
    const place = locate(line, word, searchFrom);
    if (!plain.ok) return { ok: false, error: plain.error, ...place };
    if (plain.words.length !== 1) continue;
    const raw = shellLex(rest, { escape: "\\", env: NO_ENV, skipUnsetEnv: true, rawQuotes: true });
    if (!raw.ok) return { ok: false, error: raw.error, ...place };
    if (raw.words.length !== 1) {
      return { ok: false, error: `internal lexing of heredoc produced inconsistent results: ${rest}`, ...place };
    }
    const name = plain.words[0]!;
    markers.push({
      name,
      expand: quoteCount(name) === quoteCount(raw.words[0]!),
      chomp: m[2] === "-",
      fileDescriptor: m[1] ? Number.parseInt(m[1], 10) : 0,
      word,
      ...place,
    });
    searchFrom = place.end;
  }
  return { ok: true, markers };
}

function quoteCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39) n++;
  }
  return n;
}

// The lexer gives words, not places. A raw word normally stands in the line as it is; when the
// lexer rewrote it (spaces after `<<`), fall back to the next `<<` and the run of non-spaces after it.
function locate(line: string, word: string, from: number): { start: number; end: number } {
  const at = line.indexOf(word, from);
  if (at >= 0) return { start: at, end: at + word.length };
  const lt = line.indexOf("<<", from);
  if (lt < 0) return { start: from, end: from };
  let start = lt;
  while (start > from && /\d/.test(line[start - 1]!)) start--;
  let end = lt + 2;
  if (line[end] === "-") end++;
  while (end < line.length && (line[end] === " " || line[end] === "\t")) end++;
  while (end < line.length && !/\s/.test(line[end]!)) end++;
  return { start, end };
}
