// Where a word refers to variables: every `$NAME` and `${NAME...}` BuildKit's lexer would expand,
// with offsets, following the same quoting and escaping rules (see src/syntax/shell-lex.ts).

export interface FoundReference {
  name: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  operator: string | null;
}

export interface ReferenceScanOptions {
  escape: string;
  /** False where quotes are ordinary characters (flag values after BuildKit removed them, heredoc bodies). */
  quotes: boolean;
}

const NAME_CHAR = /[\p{L}\p{Nd}_]/u;
const DIGIT = /\p{Nd}/u;
const SPECIAL = "@*#?-$!0";

/** The variable references in a word, in order (nested ones, as in `${A:-$B}`, included). */
export function findVariableReferences(text: string, options: ReferenceScanOptions): FoundReference[] {
  const out: FoundReference[] = [];
  scanUntil(text, 0, "", options, out, false);
  return out;
}

// Scans from `i` until `stop` (or the end); returns the index after the stop character.
function scanUntil(text: string, i: number, stop: string, o: ReferenceScanOptions, out: FoundReference[], inDouble: boolean): number {
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (stop && c === stop) return i + 1;
    if (c === "$") {
      i = dollar(text, i, o, out);
      continue;
    }
    if (o.quotes && !inDouble && c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? n : close + 1;
      continue;
    }
    if (o.quotes && !inDouble && c === '"') {
      i = scanUntil(text, i + 1, '"', o, out, true);
      continue;
    }
    if (c === o.escape) {
      // Outside quotes the escape takes any character; in "..." only ", $ and itself matter here.
      const next = text[i + 1];
      i += !inDouble || next === '"' || next === "$" || next === o.escape ? 2 : 1;
      continue;
    }
    i++;
  }
  return n;
}

function dollar(text: string, start: number, o: ReferenceScanOptions, out: FoundReference[]): number {
  let i = start + 1;
  if (text[i] !== "{") {
    const nameStart = i;
    if (i < text.length && DIGIT.test(text[i]!)) {
      while (i < text.length && DIGIT.test(text[i]!)) i++;
      return i; // positional parameters are always empty
    }
    if (i < text.length && SPECIAL.includes(text[i]!)) return i + 1;
    while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
    if (i > nameStart) out.push({ name: text.slice(nameStart, i), start, end: i, nameStart, nameEnd: i, operator: null });
    return i;
  }
  i++;
  const nameStart = i;
  if (i < text.length && DIGIT.test(text[i]!)) while (i < text.length && DIGIT.test(text[i]!)) i++;
  else if (i < text.length && SPECIAL.includes(text[i]!)) i++;
  else while (i < text.length && NAME_CHAR.test(text[i]!)) i++;
  const nameEnd = i;
  const name = text.slice(nameStart, nameEnd);
  const isVariable = name !== "" && !DIGIT.test(name[0]!) && !SPECIAL.includes(name);
  const ref: FoundReference = { name, start, end: text.length, nameStart, nameEnd, operator: null };
  if (isVariable) out.push(ref);
  const c = text[i];
  if (c === "}") {
    ref.end = i + 1;
    return i + 1;
  }
  if (c === ":" || c === "+" || c === "-" || c === "?" || c === "#" || c === "%") {
    let op = c;
    i++;
    if (c === ":" && i < text.length) op += text[i++];
    else if ((c === "#" || c === "%") && text[i] === c) op += text[i++];
    ref.operator = op;
    i = scanUntil(text, i, "}", o, out, false);
    ref.end = i;
    return i;
  }
  if (c === "/") {
    i++;
    ref.operator = text[i] === "/" ? "//" : "/";
    if (text[i] === "/") i++;
    i = scanUntil(text, i, "/", o, out, false);
    i = scanUntil(text, i, "}", o, out, false);
    ref.end = i;
    return i;
  }
  ref.end = Math.min(i + 1, text.length);
  return ref.end; // a syntax error; the expansion reports it
}
