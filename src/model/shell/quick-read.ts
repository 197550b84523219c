// A fast reader for the plain shell most RUN lines are written in: simple commands joined by `&&`, `||`, `;`,
// `|` and `&`, with quotes, `$NAME`, `${NAME...}`, `$(...)`, redirections, comments, `( )`, `{ }`, `if`, `case`,
// `for`, `while`, `until` and `name() { ...; }`, and three things of bash's: array assignments `NAME=(words)`,
// `${NAME[@]}` and `${NAME/pattern/replacement}`. mvdan/sh, through GopherJS, costs about a millisecond per script
// (twice that for a bash script under /bin/sh, which POSIX mode rejects first); this reads the same scripts some
// forty times faster, and linting a file mostly means reading its RUN lines.
//
// It gives up (returns null) at anything outside that subset or anything doubtful: heredocs, backquotes,
// arithmetic, `function` declarations, other bash-only syntax, line continuations, control characters, and every
// syntax error. The caller then asks mvdan/sh, which stays the reference: the tests check, on every RUN of the
// corpus and on generated scripts, that whenever this reader answers, mvdan/sh reads the same commands, words,
// values, ranges and pipes, in both dialects.

/** A word by its offsets in the script, and its value when nothing in it expands (as word-value.ts gives). */
export interface QuickWord {
  start: number;
  end: number;
  value: string | null;
}

export interface QuickCommand {
  /** The command name and its arguments. */
  words: QuickWord[];
  /** `NAME=value` prefixes, by offsets. */
  assignments: Array<[number, number]>;
  /** From the first word, assignment or redirection to the last one's end. */
  start: number;
  end: number;
}

export interface QuickScript {
  /** Every simple command, including those inside `$(...)`, groups and compound commands, in source order. */
  commands: QuickCommand[];
  /** The offset of each pipe operator `|`. */
  pipes: number[];
  /** It uses bash's syntax, which mvdan/sh rejects in POSIX mode: a script for /bin/sh is then read as bash. */
  bashOnly: boolean;
}

// Thrown to abandon the read; the caller falls back to mvdan/sh.
const GIVE_UP: unique symbol = Symbol("give up");

// Characters that end an unquoted word.
const WORD_END = new Set([" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]);
// By ASCII code: 1 ends a word, 2 starts a quote, an expansion or an escape, 0 is plain (as is all non-ASCII).
const CHAR_CLASS = new Uint8Array(128);
for (const c of WORD_END) CHAR_CLASS[c.charCodeAt(0)] = 1;
for (const c of "'\"`$\\") CHAR_CLASS[c.charCodeAt(0)] = 2;
const isPlain = (code: number) => code >= 128 || CHAR_CLASS[code] === 0;
const endsWord = (code: number) => code < 128 && CHAR_CLASS[code] === 1;
const RESERVED = new Set(["if", "then", "elif", "else", "fi", "do", "done", "for", "while", "until", "case", "esac", "in", "function", "select", "time", "coproc", "{", "}", "!", "[[", "]]", "let"]);
const COMPOUND = new Set(["{", "if", "for", "while", "until", "case"]);
const RESERVED_START = new Set([...RESERVED].map((w) => w[0]!));
const PARAM_OPS = [":-", ":=", ":+", ":?", "%%", "##", "-", "=", "+", "?", "%", "#"];
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const PARAM_NAME = /[A-Za-z_][A-Za-z0-9_]*|[0-9]+/y;
const DIGITS = /[0-9]+/y;

/** The length of a match of a sticky pattern at offset `at`, or 0. */
function matchAt(pattern: RegExp, s: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(s) ? pattern.lastIndex - at : 0;
}

// Not cached: parseScript takes a script's commands and pipes from one reading, and a cache of recent readings
// kept each one alive through V8's young-generation collections, which then copied and promoted it.

/** The commands and pipes of a script in the subset above, or null when mvdan/sh must read it. */
export function quickRead(text: string): QuickScript | null {
  if (isOutsideSubset(text)) return null;
  const reader = new Reader(text);
  try {
    reader.list([], false);
    if (reader.i < text.length) return null;
  } catch (e) {
    if (e === GIVE_UP) return null;
    throw e;
  }
  reader.commands.sort((a, b) => a.start - b.start);
  return { commands: reader.commands, pipes: reader.pipes, bashOnly: reader.bashOnly };
}

class Reader {
  i = 0;
  bashOnly = false;
  readonly commands: QuickCommand[] = [];
  readonly pipes: number[] = [];
  constructor(readonly s: string) {}

  /**
   * Commands separated by `;`, `&` or newlines, up to one of `stops` (left unread), `)` when `inParens`, or the
   * end. A `case` item's list (`inCase`) may be empty and also ends at `;;`.
   */
  list(stops: readonly string[], inParens: boolean, inCase = false): string | null {
    const s = this.s;
    let count = 0;
    for (;;) {
      this.newlines();
      if (this.i >= s.length) {
        if (stops.length > 0 || inParens) throw GIVE_UP;
        return null;
      }
      if (inParens && s[this.i] === ")") return count > 0 ? ")" : giveUp();
      if (inCase && s.startsWith(";;", this.i)) return ";;";
      const word = this.reservedWord();
      if (word !== null && stops.includes(word)) return count > 0 || inCase ? word : giveUp();
      this.andOr();
      count++;
      this.blanks();
      const c = s[this.i];
      if (c === ";" || c === "&") {
        if (inCase && s.startsWith(";;", this.i) && s[this.i + 2] !== "&") return ";;";
        if (s[this.i + 1] === c || s[this.i + 1] === ">" || (c === ";" && s[this.i + 1] === "&")) throw GIVE_UP; // ;; ;& &>
        this.i++;
        continue;
      }
      if (c === undefined || c === "\n" || (c === ")" && inParens)) continue;
      throw GIVE_UP;
    }
  }

  andOr(): void {
    this.pipeline();
    for (;;) {
      this.blanks();
      const c = this.s.charCodeAt(this.i);
      if ((c !== 38 && c !== 124) || this.s.charCodeAt(this.i + 1) !== c) return; // && ||
      this.i += 2;
      this.newlines();
      this.pipeline();
    }
  }

  pipeline(): void {
    this.blanks();
    if (this.s[this.i] === "!" && (this.s[this.i + 1] === " " || this.s[this.i + 1] === "\t")) this.i++;
    this.command();
    for (;;) {
      this.blanks();
      if (this.s[this.i] !== "|" || this.s[this.i + 1] === "|") return;
      if (this.s[this.i + 1] === "&") throw GIVE_UP; // |& is bash's
      this.pipes.push(this.i);
      this.i++;
      this.newlines();
      this.command();
    }
  }

  command(): void {
    this.blanks();
    const s = this.s;
    if (s[this.i] === "(") {
      if (s[this.i + 1] === "(") throw GIVE_UP; // arithmetic command
      this.i++;
      this.list([], true);
      this.i++; // the `)` list() stopped at
      return this.trailingRedirects();
    }
    const word = this.reservedWord();
    if (word === null) return this.simple();
    this.i += word.length;
    switch (word) {
      case "{":
        this.list(["}"], false);
        this.i++;
        break;
      case "if":
        this.list(["then"], false);
        this.i += 4;
        for (;;) {
          const end = this.list(["elif", "else", "fi"], false)!;
          this.i += end.length;
          if (end === "fi") break;
          if (end === "else") {
            this.list(["fi"], false);
            this.i += 2;
            break;
          }
          this.list(["then"], false);
          this.i += 4;
        }
        break;
      case "while":
      case "until":
        this.list(["do"], false);
        this.i += 2;
        this.list(["done"], false);
        this.i += 4;
        break;
      case "case":
        this.caseClause();
        break;
      case "for":
        this.forHead();
        this.list(["done"], false);
        this.i += 4;
        break;
      default:
        throw GIVE_UP; // then, fi, case, function, [[ ... out of place or out of the subset
    }
    this.trailingRedirects();
  }

  // `for NAME in words; do` or `for NAME; do`, up to and past `do`.
  forHead(): void {
    this.blanks();
    const name = matchAt(NAME, this.s, this.i);
    if (name === 0) throw GIVE_UP;
    this.i += name;
    if (!this.atBlankOrEnd(this.i) && this.s[this.i] !== ";") throw GIVE_UP;
    this.blanks();
    if (this.reservedWord() === "in") {
      this.i += 2;
      for (;;) {
        this.blanks();
        const c = this.s[this.i];
        if (c === ";" || c === "\n") break;
        if (c === undefined || WORD_END.has(c)) throw GIVE_UP;
        this.word();
      }
    }
    const c = this.s[this.i];
    if (c !== ";" && c !== "\n") throw GIVE_UP;
    this.i++;
    this.newlines();
    if (this.reservedWord() !== "do") throw GIVE_UP;
    this.i += 2;
  }

  // `case WORD in (PATTERN | PATTERN) LIST ;; ... esac`, after `case`, up to and past `esac`.
  caseClause(): void {
    const s = this.s;
    this.blanks();
    if (s[this.i] === undefined || WORD_END.has(s[this.i]!)) throw GIVE_UP;
    this.word();
    this.newlines();
    if (this.reservedWord() !== "in") throw GIVE_UP;
    this.i += 2;
    for (;;) {
      this.newlines();
      if (this.reservedWord() === "esac") {
        this.i += 4;
        return;
      }
      if (s[this.i] === "(") this.i++;
      for (;;) {
        this.blanks();
        const c = s[this.i];
        if (c === undefined || WORD_END.has(c)) throw GIVE_UP;
        this.word();
        this.blanks();
        if (s[this.i] === "|") this.i++;
        else if (s[this.i] === ")") break;
        else throw GIVE_UP;
      }
      this.i++;
      const end = this.list(["esac"], false, true);
      if (end === ";;") this.i += 2;
    }
  }

  trailingRedirects(): void {
    for (;;) {
      this.blanks();
      if (this.redirect() === null) return;
    }
  }

  simple(): void {
    const s = this.s;
    const words: QuickWord[] = [];
    const assignments: Array<[number, number]> = [];
    let start = -1;
    let end = -1;
    let hasArray = false;
    for (;;) {
      this.blanks();
      const c = s[this.i];
      if (c === undefined || c === ";" || c === "&" || c === "|" || c === ")" || c === "\n") break;
      if (c === "(") return this.functionBody(words, start); // or an array, or an error
      const redirect = this.redirect();
      if (redirect) {
        if (start < 0) start = redirect[0];
        end = redirect[1];
        continue;
      }
      const w = this.word();
      if (start < 0) start = w.start;
      end = w.end;
      if (words.length === 0 && this.isAssignment(w)) {
        if (s[this.i] === "(" && s[w.end - 1] === "=" && matchAt(NAME, s, w.start) === w.end - w.start - 1) {
          this.arrayElements(); // `NAME=(...)`: the assignment runs to the `)`
          end = this.i;
          hasArray = true;
        }
        assignments.push([w.start, end]);
        continue;
      }
      if (words.length === 0 && assignments.length > 0 && w.value !== null && RESERVED.has(w.value)) throw GIVE_UP;
      if (words.length === 0 && bracketAfterEquals(s, w.start, w.end)) throw GIVE_UP;
      words.push(w);
    }
    if (start < 0) throw GIVE_UP; // an empty command
    if (hasArray && words.length > 0) throw GIVE_UP; // mvdan/sh takes no array assignment before a command
    if (words.length > 0 || assignments.length > 0) this.commands.push({ words, assignments, start, end });
  }

  // `name() compound-command`, after the name: the body's commands are read, the name is no command.
  functionBody(words: QuickWord[], start: number): void {
    const s = this.s;
    const name = words[0];
    if (words.length !== 1 || name!.start !== start || s[this.i + 1] !== ")" || matchAt(NAME, s, start) !== name!.end - start) throw GIVE_UP;
    this.i += 2;
    this.newlines();
    const word = this.reservedWord();
    if (s[this.i] !== "(" && !(word !== null && COMPOUND.has(word))) throw GIVE_UP;
    this.command();
  }

  // The words of bash's `NAME=(words)`, from the `(` to past the `)`. mvdan/sh reads a `[` in an element as an
  // index (`[i]=x`, `a[i]=x`) or rejects it: such elements are left to it.
  arrayElements(): void {
    const s = this.s;
    this.i++;
    for (;;) {
      this.newlines();
      const c = s[this.i];
      if (c === ")") break;
      if (c === undefined || c === "=" || WORD_END.has(c)) throw GIVE_UP; // mvdan/sh rejects `(=x)`
      const w = this.word();
      const bracket = s.indexOf("[", w.start);
      if (bracket >= 0 && bracket < w.end) throw GIVE_UP;
    }
    this.i++;
    if (!this.atBlankOrEnd(this.i) && !";&|)".includes(this.s[this.i]!)) throw GIVE_UP; // `a=(x)y`
    this.bashOnly = true;
  }

  isAssignment(w: QuickWord): boolean {
    const head = matchAt(NAME, this.s, w.start);
    if (head === 0) return false;
    const next = this.s[w.start + head];
    if (next === "+" || next === "[") throw GIVE_UP; // NAME+= and NAME[i]= are bash's
    return next === "=";
  }

  /** A redirection at the cursor, read with its target word; null when there is none. */
  redirect(): [number, number] | null {
    const s = this.s;
    const start = this.i;
    let j = this.i;
    while (s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    const c = s[j];
    if (c !== "<" && c !== ">") return null;
    const two = s.slice(j, j + 2);
    let op = 1;
    if (two === ">>" || two === ">&" || two === "<&" || two === ">|" || two === "<>") op = 2;
    if (s[j + op] === "(" || s[j + op] === "&") throw GIVE_UP; // <(...) >(...) and >>&
    this.i = j + op;
    while (s[this.i] === " " || s[this.i] === "\t") this.i++;
    const t = s[this.i];
    if (t === undefined || t === "#" || WORD_END.has(t)) throw GIVE_UP;
    const target = this.word();
    // mvdan/sh rejects `>&1>f` (a duplication's target run into the next redirection), though `>f>g` is fine.
    if (op === 2 && two.endsWith("&") && (s[this.i] === "<" || s[this.i] === ">")) throw GIVE_UP;
    return [start, target.end];
  }

  word(): QuickWord {
    const s = this.s;
    const start = this.i;
    // Most words are plain characters only: their value is their text.
    let j = start;
    while (j < s.length && isPlain(s.charCodeAt(j))) j++;
    if (j > start && (j === s.length || endsWord(s.charCodeAt(j)))) {
      this.i = j;
      return { start, end: j, value: s.slice(start, j) };
    }
    let value: string | null = "";
    let plain = false;
    for (;;) {
      const c = s[this.i];
      if (c === undefined || WORD_END.has(c)) break;
      if (c === "\\") {
        const next = s[this.i + 1];
        if (next === undefined) throw GIVE_UP;
        if (value !== null) value += next;
        this.i += 2;
      } else if (c === "'") {
        const close = s.indexOf("'", this.i + 1);
        if (close < 0) throw GIVE_UP;
        if (value !== null) value += s.slice(this.i + 1, close);
        this.i = close + 1;
      } else if (c === '"') {
        const v = this.doubleQuoted();
        value = value === null || v === null ? null : value + v;
      } else if (c === "$") {
        if (this.dollar(false)) {
          if (value !== null) value += "$";
        } else value = null;
      } else {
        if (this.i > start && !plain) {
          // mvdan/sh starts a comment at a `#` right after a quote, an expansion or an escape (`'a'#b`), where
          // a shell keeps it in the word; only after a plain character are they sure to agree.
          if (c === "#") throw GIVE_UP;
          // Likewise `"x"2>&1` or `$v2>f`: mvdan/sh may read those digits as the redirection's descriptor.
          if (c >= "0" && c <= "9" && this.digitsBeforeRedirect(this.i)) throw GIVE_UP;
        }
        let j = this.i + 1;
        while (j < s.length && isPlain(s.charCodeAt(j))) j++;
        if (value !== null) value += s.slice(this.i, j);
        this.i = j;
        plain = true;
        continue;
      }
      plain = false;
    }
    if (this.i === start) throw GIVE_UP;
    return { start, end: this.i, value };
  }

  doubleQuoted(): string | null {
    const s = this.s;
    let value: string | null = "";
    this.i++;
    for (;;) {
      const c = s[this.i];
      if (c === undefined) throw GIVE_UP;
      if (c === '"') {
        this.i++;
        return value;
      }
      if (c === "\\") {
        const next = s[this.i + 1];
        if (next === "$" || next === "`" || next === '"' || next === "\\") {
          if (value !== null) value += next;
          this.i += 2;
          continue;
        }
        if (value !== null) value += c;
        this.i++;
      } else if (c === "$") {
        if (this.dollar(true)) {
          if (value !== null) value += "$";
        } else value = null;
      } else {
        if (value !== null) value += c;
        this.i++;
      }
    }
  }

  // `$NAME`, `$1`, `$@`..., `${NAME}`, `${NAME<op>word}`, `${#NAME}`, `${NAME[@]}`, `$(commands)`; `inQuotes`
  // inside double quotes. True when the `$` starts no expansion and is a plain `$`: at the end of a word or
  // before the closing quote (an editor sees these on every keystroke that starts typing `$NAME`).
  dollar(inQuotes: boolean): boolean {
    const s = this.s;
    const next = s[this.i + 1];
    if (next === "(") {
      if (s[this.i + 2] === "(") throw GIVE_UP; // arithmetic
      this.i += 2;
      this.list([], true);
      this.i++;
      return false;
    }
    if (next === "{") {
      this.braced(inQuotes);
      return false;
    }
    if (inQuotes ? next === '"' : next === undefined || WORD_END.has(next)) {
      this.i++;
      return true;
    }
    if (next !== undefined && /[A-Za-z_]/.test(next)) {
      this.i += 1 + matchAt(NAME, s, this.i + 1);
      return false;
    }
    if (next !== undefined && /[0-9@*#?$!-]/.test(next)) {
      this.i += 2;
      if (s[this.i] === "{") throw GIVE_UP; // mvdan/sh rejects `$${v}`
      return false;
    }
    throw GIVE_UP; // `$'...'`, `$"..."`, `$[...]`, `$/`...
  }

  braced(inQuotes: boolean): void {
    const s = this.s;
    let j = this.i + 2;
    const length = s[j] === "#";
    if (length) j++;
    const name = matchAt(PARAM_NAME, s, j);
    if (name === 0) throw GIVE_UP;
    const isIdentifier = matchAt(NAME, s, j) === name;
    j += name;
    if (s[j] === "[" && isIdentifier) {
      // `${a[@]}`, `${a[*]}`, `${#a[@]}`, `${a[0]}`: bash's arrays. Other indexes are arithmetic.
      const index = s[j + 1] === "@" || s[j + 1] === "*" ? 1 : matchAt(DIGITS, s, j + 1);
      if (index === 0 || s[j + 1 + index] !== "]" || s[j + 2 + index] !== "}") throw GIVE_UP;
      this.bashOnly = true;
      this.i = j + 3 + index;
      return;
    }
    if (s[j] !== "}") {
      if (length) throw GIVE_UP;
      if (s[j] === "/" && isIdentifier) {
        // `${v/pattern/replacement}`, `${v//...}`, `${v/#...}`, `${v/%...}`: bash's.
        j++;
        if (s[j] === "/" || s[j] === "#" || s[j] === "%") j++;
        this.bashOnly = true;
      } else {
        const op = PARAM_OPS.find((o) => s.startsWith(o, j));
        if (!op) throw GIVE_UP; // substrings, case changes, indirection: bash's, or rare
        j += op.length;
      }
      this.i = j;
      this.paramWord(inQuotes);
      j = this.i;
    }
    this.i = j + 1;
  }

  // The word of `${NAME<op>word}`, up to the `}`. Outside double quotes it may hold double quotes and expansions
  // (`${v:+"--with=$v"}`); inside them, where quoting nests differently, plain text only.
  paramWord(inQuotes: boolean): void {
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === "}") return;
      if (!inQuotes && c === '"') {
        this.doubleQuoted();
      } else if (!inQuotes && c === "$") {
        this.dollar(false);
      } else {
        if (c === undefined || /[{'"`$\\\n]/.test(c)) throw GIVE_UP;
        this.i++;
      }
    }
  }

  digitsBeforeRedirect(j: number): boolean {
    while (this.s.charCodeAt(j) >= 48 && this.s.charCodeAt(j) <= 57) j++;
    return this.s[j] === "<" || this.s[j] === ">";
  }

  /** The reserved word at the cursor, when the next word is one (unquoted, followed by a delimiter). */
  reservedWord(): string | null {
    const s = this.s;
    if (!RESERVED_START.has(s[this.i]!)) return null;
    let j = this.i;
    while (j < s.length && isPlain(s.charCodeAt(j))) j++;
    if (j === this.i || j - this.i > 8) return null;
    if (j < s.length && s.charCodeAt(j) < 128 && CHAR_CLASS[s.charCodeAt(j)] !== 1) return null; // `if"x"`: one word, not a keyword
    const word = s.slice(this.i, j);
    if (!RESERVED.has(word)) return null;
    // `{` opens a group only before a blank; `{x` or `{;` are words or errors.
    if (word === "{" && !this.atBlankOrEnd(j)) throw GIVE_UP;
    return word;
  }

  atBlankOrEnd(j: number): boolean {
    const c = this.s[j];
    return c === undefined || c === " " || c === "\t" || c === "\n";
  }

  // Spaces, tabs and a comment (from a `#` that starts a word to the end of the line).
  blanks(): void {
    const s = this.s;
    let c = s.charCodeAt(this.i);
    while (c === 32 || c === 9) c = s.charCodeAt(++this.i);
    if (c === 35) {
      const nl = s.indexOf("\n", this.i);
      this.i = nl < 0 ? s.length : nl;
    }
  }

  newlines(): void {
    for (;;) {
      this.blanks();
      if (this.s[this.i] !== "\n") return;
      this.i++;
    }
  }
}

// mvdan/sh in bash mode takes a command name with a `[` after an `=` (`x.y=[z]`, `~=[`) for an assignment.
function bracketAfterEquals(s: string, start: number, end: number): boolean {
  const eq = s.indexOf("=", start);
  if (eq < 0 || eq >= end) return false;
  const bracket = s.indexOf("[", eq);
  return bracket >= 0 && bracket < end;
}

// Outside the subset wholesale: control characters (CR included), heredocs, backquotes, continuations. A loop
// over the codes: a regular expression with these alternatives took a tenth of the reading.
function isOutsideSubset(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 32 && c !== 127) {
      if (c === 96) return true; // `
      if (c === 60 && text.charCodeAt(i + 1) === 60) return true; // <<
      if (c === 92 && text.charCodeAt(i + 1) === 10) return true; // backslash-newline
    } else if (c !== 9 && c !== 10) return true;
  }
  return false;
}

function giveUp(): never {
  throw GIVE_UP;
}
