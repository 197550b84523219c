// A light reading of a shell command's structure, for layout only: where its commands, operators and
// compound commands (if, for, while, case, { }, ( )) are, and how deeply each token is nested. The
// formatter uses it to pick where to break `&&`/`||`/`;` chains and how far to indent a continuation
// line. It decides nothing about meaning: which blanks may change is separatorMask's call, and the
// formatter's self-check has the last word.

export type ShellTokenKind = "word" | "operator" | "redirection" | "comment";

export interface ShellToken {
  kind: ShellTokenKind;
  start: number;
  end: number;
  /** Compound commands open around the token (the token's own opening or closing keyword excluded). */
  depth: number;
  /** The token as written, for operators and words of up to six characters (keywords); "" for longer words. */
  text: string;
  /** The token begins a command, or is an operator or keyword that ends or joins commands. */
  isCommandBoundary: boolean;
  /** `&&`, `||` or `;` between two commands of the top level. */
  isChainOperator: boolean;
}

// Operators by first character, longest first.
const OPERATORS: Record<string, readonly string[]> = {
  "&": ["&&", "&>>", "&>", "&"],
  "|": ["||", "|&", "|"],
  ";": [";;&", ";;", ";&", ";"],
  "(": ["("],
  ")": [")"],
  "<": ["<<<", "<<-", "<<", "<&", "<>", "<"],
  ">": [">>", ">&", ">|", ">"],
};
const REDIRECTIONS = new Set(["&>>", "&>", "<<<", "<<-", "<<", ">>", "<&", ">&", "<>", ">|", "<", ">"]);
const OPENERS = new Set(["if", "while", "until", "for", "select", "case", "{"]);
const CLOSERS = new Set(["fi", "done", "esac", "}"]);
const MIDDLES = new Set(["then", "do", "else", "elif"]);
const MAX_KEYWORD = 6; // `select`

const isBlank = (c: number) => c === 32 || c === 9;
// Characters that end a word when unquoted.
const isMeta = (c: number) => c === 59 || c === 38 || c === 124 || c === 40 || c === 41 || c === 60 || c === 62;

/** Splits a shell command into words, operators, redirections and a trailing comment, with their nesting. */
export function shellTokens(text: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  const stack: string[] = [];
  let atCommand = true;
  let inPattern = false; // between `case x in` (or `;;`) and the `)` ending a pattern
  let expectTarget = false; // the word after a redirection operator is its target
  let i = 0;
  const n = text.length;
  // Only operators and keywords are ever compared by their text; longer words keep none.
  const push = (kind: ShellTokenKind, start: number, end: number, depth: number, isCommandBoundary: boolean, isChainOperator = false) =>
    tokens.push({ kind, start, end, text: end - start <= MAX_KEYWORD ? text.slice(start, end) : "", depth, isCommandBoundary, isChainOperator });

  while (i < n) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === 35) {
      // Words are read whole, so this `#` starts one: the rest of the line is a comment.
      push("comment", i, n, stack.length, false);
      break;
    }
    if (isMeta(c)) {
      const op = OPERATORS[text[i]!]!.find((o) => o.length === 1 || text.startsWith(o, i))!;
      const start = i;
      i += op.length;
      if (REDIRECTIONS.has(op)) {
        push("redirection", start, i, stack.length, false);
        expectTarget = true;
        continue;
      }
      if (op === "(") {
        const opens = atCommand && !inPattern;
        push("operator", start, i, stack.length, true);
        if (opens) stack.push("(");
        continue; // a pattern's `(` or a function's `()` changes nothing here
      }
      if (op === ")") {
        if (inPattern) {
          inPattern = false;
          push("operator", start, i, stack.length, true);
          atCommand = true;
        } else {
          if (stack[stack.length - 1] === "(") stack.pop();
          push("operator", start, i, stack.length, true);
          atCommand = false;
        }
        continue;
      }
      if (op === ";;" || op === ";&" || op === ";;&") {
        push("operator", start, i, Math.max(0, stack.length - 1), true);
        if (stack[stack.length - 1] === "case") inPattern = true;
        atCommand = true;
        continue;
      }
      const isChain = stack.length === 0 && !inPattern && (op === "&&" || op === "||" || op === ";");
      push("operator", start, i, stack.length, true, isChain);
      atCommand = true;
      continue;
    }
    const start = i;
    i = wordEnd(text, i);
    const word = i - start <= MAX_KEYWORD ? text.slice(start, i) : "";
    if (expectTarget) {
      expectTarget = false;
      push("word", start, i, stack.length, false);
      continue;
    }
    if (inPattern) {
      if (word === "esac") {
        inPattern = false;
        stack.pop();
        push("word", start, i, stack.length, true);
        atCommand = false;
      } else push("word", start, i, stack.length, false);
      continue;
    }
    if (atCommand && OPENERS.has(word)) {
      push("word", start, i, stack.length, true);
      stack.push(word);
      // `for x in ...` and `case x in` take words before their body; the others take commands.
      atCommand = word !== "for" && word !== "select" && word !== "case";
      continue;
    }
    if (atCommand && CLOSERS.has(word)) {
      stack.pop();
      push("word", start, i, stack.length, true);
      atCommand = false;
      continue;
    }
    if ((atCommand || stack[stack.length - 1] === "for" || stack[stack.length - 1] === "select") && MIDDLES.has(word)) {
      push("word", start, i, Math.max(0, stack.length - 1), true);
      atCommand = true;
      continue;
    }
    if (word === "in" && stack[stack.length - 1] === "case" && !atCommand) {
      push("word", start, i, stack.length, false);
      inPattern = true;
      continue;
    }
    push("word", start, i, stack.length, atCommand);
    if (atCommand && word !== "!") atCommand = false;
  }
  return tokens;
}

// The end of the word starting at `i`: quotes, escapes, `$(...)`, `${...}` and backquotes are
// read whole, so operators inside them do not end it.
function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    PLAIN_RUN.lastIndex = i;
    PLAIN_RUN.test(text);
    i = PLAIN_RUN.lastIndex;
    if (i >= n) return n;
    const c = text.charCodeAt(i);
    if (isBlank(c) || isMeta(c)) return i;
    i = skipUnit(text, i);
  }
  return n;
}

// Characters that neither end a word nor start a quote, escape or expansion.
const PLAIN_RUN = /[^ \t;&|()<>\\'"`$]*/y;

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
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) i += 2;
    else if (c === 96) i = backquoteEnd(text, i + 1);
    else if (c === 36 && (text.charCodeAt(i + 1) === 40 || text.charCodeAt(i + 1) === 123)) i = skipUnit(text, i);
    else i++;
  }
  return n;
}

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
