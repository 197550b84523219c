// A light reading of a shell command's structure, for layout only: where its commands, operators and
// compound commands (if, for, while, case, { }, ( )) are, and how deeply each token is nested. The
// formatter uses it to pick where to break `&&`/`||`/`;` chains and how far to indent a continuation
// line. It decides nothing about meaning: which blanks may change is separatorMask's call, and the
// formatter's self-check has the last word.

/**
 * The tokens of a command, as parallel arrays (a command has thousands of them, objects would cost). The
 * arrays may run past `count` when they are reused: only their first `count` entries are the command's.
 */
export interface ShellTokens {
  count: number;
  start: number[];
  end: number[];
  /** Compound commands open around the token (the token's own opening or closing keyword excluded). */
  depth: number[];
  /** TokenFlag bits. */
  flags: number[];
}

export const TokenFlag = {
  /** The token begins a command, or is an operator or keyword that ends or joins commands. */
  CommandBoundary: 1,
  /** `&&`, `||` or `;` between two commands of the top level. */
  ChainOperator: 2,
  Semicolon: 4,
  /** A comment, to the end of the command. */
  Comment: 8,
} as const;

// What an operator does to the structure. Redirections are not operators here: they sit inside commands.
const OP_REDIRECTION = 0;
const OP_OPEN = 1; // (
const OP_CLOSE = 2; // )
const OP_CASE_END = 3; // ;; ;& ;;&
const OP_AND_OR = 4; // && ||
const OP_SEMICOLON = 5; // ;
const OP_OTHER = 6; // | |& &

// The operator at `i` (its first character is one that ends words): its kind and length, packed as
// kind * 4 + length.
function operatorAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  const e = text.charCodeAt(i + 2);
  switch (c) {
    case 40:
      return OP_OPEN * 4 + 1;
    case 41:
      return OP_CLOSE * 4 + 1;
    case 59: // ;
      if (d === 59) return OP_CASE_END * 4 + (e === 38 ? 3 : 2);
      return d === 38 ? OP_CASE_END * 4 + 2 : OP_SEMICOLON * 4 + 1;
    case 38: // &
      if (d === 38) return OP_AND_OR * 4 + 2;
      if (d === 62) return OP_REDIRECTION * 4 + (e === 62 ? 3 : 2);
      return OP_OTHER * 4 + 1;
    case 124: // |
      if (d === 124) return OP_AND_OR * 4 + 2;
      return OP_OTHER * 4 + (d === 38 ? 2 : 1);
    case 60: // <
      if (d === 60) return OP_REDIRECTION * 4 + (e === 60 || e === 45 ? 3 : 2);
      return OP_REDIRECTION * 4 + (d === 38 || d === 62 ? 2 : 1);
    default: // >
      return OP_REDIRECTION * 4 + (d === 62 || d === 38 || d === 124 ? 2 : 1);
  }
}

// Keywords, by what they do to the structure.
const OPENER = 1; // if while until for select case {
const CLOSER = 2; // fi done esac }
const MIDDLE = 3; // then do else elif
const KEYWORDS = new Map<string, number>([
  ["if", OPENER], ["while", OPENER], ["until", OPENER], ["for", OPENER], ["select", OPENER], ["case", OPENER], ["{", OPENER],
  ["fi", CLOSER], ["done", CLOSER], ["esac", CLOSER], ["}", CLOSER],
  ["then", MIDDLE], ["do", MIDDLE], ["else", MIDDLE], ["elif", MIDDLE],
]);
const MAX_KEYWORD = 6; // `select`

// Character classes, by code below 128 (anything above is a plain word character).
const PLAIN = 0;
const BLANK = 1;
const META = 2; // ends a word when unquoted: ; & | ( ) < >
const SPECIAL = 3; // starts a quote, escape or expansion: \ ' " ` $
const CLASS = new Uint8Array(128);
for (const c of " \t") CLASS[c.charCodeAt(0)] = BLANK;
for (const c of ";&|()<>") CLASS[c.charCodeAt(0)] = META;
for (const c of "\\'\"`$") CLASS[c.charCodeAt(0)] = SPECIAL;
const classOf = (c: number) => (c < 128 ? CLASS[c]! : PLAIN);

// The words a command's first word is compared with: the keywords, `!`, and `in` (of `case x in`).
// They are looked up by first character and length, then compared char by char: a word is not sliced
// out of the command only to find it is none of them.
const KEYWORD_CANDIDATES: string[][] = [];
for (const word of [...KEYWORDS.keys(), "!", "in"]) (KEYWORD_CANDIDATES[word.charCodeAt(0) * 8 + word.length] ??= []).push(word);

// The keyword (or `!`, or `in`) that [start, end) of the text spells, or "" when it spells none.
function keywordAt(text: string, start: number, end: number): string {
  const length = end - start;
  const c = text.charCodeAt(start);
  if (length > MAX_KEYWORD || c >= 128) return "";
  const candidates = KEYWORD_CANDIDATES[c * 8 + length];
  if (candidates === undefined) return "";
  for (const word of candidates) {
    let k = 1;
    while (k < length && text.charCodeAt(start + k) === word.charCodeAt(k)) k++;
    if (k === length) return word;
  }
  return "";
}

/**
 * Splits a shell command into words, operators, redirections and a trailing comment, with their nesting.
 * `into` is filled instead of new arrays, when given (a caller done with its last tokens reuses them).
 */
export function shellTokens(text: string, into?: ShellTokens): ShellTokens {
  const tokens: ShellTokens = into ?? { count: 0, start: [], end: [], depth: [], flags: [] };
  const { start: starts, end: ends, depth: depths, flags: allFlags } = tokens;
  // Reused arrays are overwritten, not emptied: emptied, they would give up their storage and grow again.
  let count = 0;
  const stack: string[] = [];
  let atCommand = true;
  let inPattern = false; // between `case x in` (or `;;`) and the `)` ending a pattern
  let expectTarget = false; // the word after a redirection operator is its target
  let i = 0;
  const n = text.length;
  const push = (start: number, end: number, depth: number, flags: number) => {
    starts[count] = start;
    ends[count] = end;
    depths[count] = depth;
    allFlags[count] = flags;
    count++;
  };
  const { CommandBoundary: BOUNDARY, ChainOperator: CHAIN, Semicolon: SEMICOLON, Comment: COMMENT } = TokenFlag;

  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    if (cls === BLANK) {
      i++;
      continue;
    }
    if (c === 35) {
      // Words are read whole, so this `#` starts one: the rest of the line is a comment.
      push(i, n, stack.length, COMMENT);
      break;
    }
    if (cls === META) {
      const op = operatorAt(text, i);
      const kind = op >> 2;
      const start = i;
      i += op & 3;
      const depth = stack.length;
      switch (kind) {
        case OP_REDIRECTION:
          push(start, i, depth, 0);
          expectTarget = true;
          break;
        case OP_OPEN:
          // A pattern's `(` or a function's `()` opens nothing.
          push(start, i, depth, BOUNDARY);
          if (atCommand && !inPattern) stack.push("(");
          break;
        case OP_CLOSE:
          if (inPattern) {
            inPattern = false;
            atCommand = true;
          } else {
            if (stack[depth - 1] === "(") stack.pop();
            atCommand = false;
          }
          push(start, i, stack.length, BOUNDARY);
          break;
        case OP_CASE_END:
          push(start, i, Math.max(0, depth - 1), BOUNDARY);
          if (stack[depth - 1] === "case") inPattern = true;
          atCommand = true;
          break;
        default: {
          const isChain = depth === 0 && !inPattern && (kind === OP_AND_OR || kind === OP_SEMICOLON);
          push(start, i, depth, BOUNDARY | (isChain ? CHAIN : 0) | (kind === OP_SEMICOLON ? SEMICOLON : 0));
          atCommand = true;
        }
      }
      continue;
    }
    const start = i;
    i = wordEnd(text, i);
    const depth = stack.length;
    const top = depth > 0 ? stack[depth - 1] : "";
    if (expectTarget || (!atCommand && !inPattern && top !== "for" && top !== "select" && top !== "case")) {
      // An argument (or a redirection's target): no keyword is one here.
      expectTarget = false;
      push(start, i, depth, 0);
      continue;
    }
    const word = keywordAt(text, start, i);
    const keyword = KEYWORDS.get(word) ?? 0;
    if (inPattern) {
      if (word === "esac") {
        inPattern = false;
        stack.pop();
        push(start, i, stack.length, BOUNDARY);
        atCommand = false;
      } else push(start, i, depth, 0);
      continue;
    }
    if (atCommand && keyword === OPENER) {
      push(start, i, depth, BOUNDARY);
      stack.push(word);
      // `for x in ...` and `case x in` take words before their body; the others take commands.
      atCommand = word !== "for" && word !== "select" && word !== "case";
      continue;
    }
    if (atCommand && keyword === CLOSER) {
      stack.pop();
      push(start, i, stack.length, BOUNDARY);
      atCommand = false;
      continue;
    }
    if ((atCommand || top === "for" || top === "select") && keyword === MIDDLE) {
      push(start, i, Math.max(0, depth - 1), BOUNDARY);
      atCommand = true;
      continue;
    }
    if (word === "in" && top === "case" && !atCommand) {
      push(start, i, depth, 0);
      inPattern = true;
      continue;
    }
    push(start, i, depth, atCommand ? BOUNDARY : 0);
    if (atCommand && word !== "!") atCommand = false;
  }
  tokens.count = count;
  return tokens;
}

// The end of the word starting at `i`: quotes, escapes, `$(...)`, `${...}` and backquotes are
// read whole, so operators inside them do not end it.
function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const cls = classOf(text.charCodeAt(i));
    if (cls === PLAIN) i++;
    else if (cls === SPECIAL) i = skipUnit(text, i);
    else return i;
  }
  return n;
}

// Past one unit of a word: a character, an escape pair, a quoted string, or a `$` expansion.
function skipUnit(text: string, i: number): number {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c === 92) return Math.min(n, i + 2);
  if (c === 39) {
    const end = text.indexOf("'", i + 1);
    return end < 0 ? n : end + 1;
  }
  if (c === 34) return doubleQuoteEnd(text, i + 1);
  if (c === 96) return backquoteEnd(text, i + 1);
  if (c === 36) {
    const next = text.charCodeAt(i + 1);
    if (next === 39) {
      for (let j = i + 2; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d === 92) j++;
        else if (d === 39) return j + 1;
      }
      return n;
    }
    if (next === 40) return groupEnd(text, i + 2, 40, 41);
    if (next === 123) return groupEnd(text, i + 2, 123, 125);
  }
  return i + 1;
}

function doubleQuoteEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    // Jump to the next character that means something inside double quotes.
    DOUBLE_QUOTED_SPECIAL.lastIndex = i;
    if (!DOUBLE_QUOTED_SPECIAL.test(text)) return n;
    i = DOUBLE_QUOTED_SPECIAL.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) i += 2;
    else if (c === 96) i = backquoteEnd(text, i + 1);
    else if (text.charCodeAt(i + 1) === 40 || text.charCodeAt(i + 1) === 123) i = skipUnit(text, i);
    else i++;
  }
  return n;
}

const DOUBLE_QUOTED_SPECIAL = /["\\`$]/g;

function backquoteEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 96) return i + 1;
    i += c === 92 ? 2 : 1;
  }
  return n;
}

// The end of `$(...)` or `${...}` whose text starts at `i`, nested groups and quotes read whole.
function groupEnd(text: string, i: number, open: number, close: number): number {
  const n = text.length;
  let depth = 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === close) {
      if (--depth === 0) return i + 1;
      i++;
    } else if (c === open) {
      depth++;
      i++;
    } else if (c === 92 || c === 39 || c === 34 || c === 96 || c === 36) i = skipUnit(text, i);
    else i++;
  }
  return n;
}
