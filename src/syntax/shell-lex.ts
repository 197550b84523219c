// A port of BuildKit's Dockerfile word lexer (frontend/dockerfile/shell, lex.go: Lex.ProcessWord and
// Lex.ProcessWords). BuildKit uses it to expand ENV/ARG/COPY/... arguments and, with raw quotes, raw escapes
// and skipped unset variables, to find heredoc markers on RUN/COPY/ADD lines. The odd corners below are
// BuildKit's own; they are kept on purpose so that dflint sees the same words BuildKit builds with.

import { goQuote, isGoSpace } from "./go-text.js";

export interface ShellLexOptions {
  escape: "\\" | "`"; // escape token
  env: ReadonlyMap<string, string>; // variables that are set (a set-but-empty variable maps to "")
  rawQuotes?: boolean; // keep quote characters in the output
  rawEscapes?: boolean; // keep escape characters in the output
  skipUnsetEnv?: boolean; // leave $x / ${x...} text untouched when x is unset
  skipProcessQuotes?: boolean; // quotes are ordinary characters (used for heredoc bodies)
  caseInsensitiveEnv?: boolean; // Windows: names match without regard to case
}

export type ShellLexResult =
  | { ok: true; word: string; words: string[]; matched: Set<string>; unmatched: Set<string> }
  | { ok: false; error: string }; // error text exactly as BuildKit's

const EOF = -1; // text/scanner.EOF
const TAB = 0x09;
const LF = 0x0a;
const SPACE = 0x20;
const DQUOTE = 0x22;
const HASH = 0x23;
const DOLLAR = 0x24;
const PERCENT = 0x25;
const SQUOTE = 0x27;
const STAR = 0x2a;
const PLUS = 0x2b;
const MINUS = 0x2d;
const SLASH = 0x2f;
const COLON = 0x3a;
const LT = 0x3c;
const QUESTION = 0x3f;
const BACKSLASH = 0x5c;
const UNDERSCORE = 0x5f;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const BOM = 0xfeff;

// Beyond this many nested ${...} a JS stack could overflow where Go's growable stack would not; no real
// Dockerfile comes near it, so it is reported as an error instead of being expanded.
const MAX_NESTING = 1000;

/** Expands and splits one Dockerfile word the way BuildKit's shell lexer does. */
export function shellLex(input: string, options: ShellLexOptions): ShellLexResult {
  const lexer = new ShellWord(input, options);
  let out: Processed | Failure;
  try {
    out = lexer.processStopOn(EOF, options.rawEscapes === true);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e; // a bug, not user input
    // the JS stack or string size ran out where Go's would not
    out = new Failure("dflint: the word is too large or too deeply nested to expand");
  }
  if (out instanceof Failure) return { ok: false, error: `failed to process ${goQuote(input)}: ${out.message}` };
  return { ok: true, word: out.result, words: out.words, matched: lexer.matched, unmatched: lexer.unmatched };
}

/** An error as a value: Go's lexer returns errors, and user input never throws here. */
class Failure {
  constructor(readonly message: string) {}
}

interface Processed {
  result: string;
  words: string[];
}

/** Go's text/scanner reading a string rune by rune. */
class Scanner {
  private pos = 0;

  constructor(private readonly src: string) {
    // text/scanner drops a byte order mark at the very start, so BuildKit never sees it
    if (src.charCodeAt(0) === BOM) this.pos = 1;
  }

  peek(): number {
    return this.pos < this.src.length ? this.src.codePointAt(this.pos)! : EOF;
  }

  next(): number {
    const c = this.peek();
    if (c !== EOF) this.pos += c > 0xffff ? 2 : 1;
    return c;
  }
}

/** BuildKit's wordsStruct: splits on whitespace, but only text added with addChar. */
class Words {
  private word = "";
  private inWord = false;
  private readonly words: string[] = [];

  addChar(c: number): void {
    if (!isGoSpace(c)) this.addRaw(String.fromCodePoint(c));
    else if (this.inWord && this.word !== "") {
      this.words.push(this.word);
      this.word = "";
      this.inWord = false;
    }
  }

  addString(s: string): void {
    for (const ch of s) this.addChar(ch.codePointAt(0)!);
  }

  addRaw(s: string): void {
    this.word += s;
    this.inWord = true;
  }

  finish(): string[] {
    // an empty word (from "" or a variable that expanded to nothing) is dropped
    if (this.word !== "") this.words.push(this.word);
    this.word = "";
    this.inWord = false;
    return this.words;
  }
}

class ShellWord {
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  private readonly scanner: Scanner;
  private readonly escape: number;
  private readonly escapeText: string;
  private rawEscapes: boolean;
  private nesting = 0;
  private foldedEnv: Map<string, string> | undefined;

  constructor(
    input: string,
    private readonly options: ShellLexOptions,
  ) {
    this.scanner = new Scanner(input);
    this.escape = options.escape.codePointAt(0)!;
    this.escapeText = options.escape;
    this.rawEscapes = options.rawEscapes === true;
  }

  /** Reads up to `stop` (consumed) or the end; the raw-escape mode applies to this level only. */
  processStopOn(stop: number, rawEscapes: boolean): Processed | Failure {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    const out = this.readUntil(stop);
    this.rawEscapes = saved;
    return out;
  }

  private readUntil(stop: number): Processed | Failure {
    const sc = this.scanner;
    const quotes = this.options.skipProcessQuotes !== true;
    // A fresh buffer per level: one stored BuildKit version shares it between levels, which lets a nested
    // ${v:-w} wipe the partial word before it; that looks unintended and is not copied.
    const words = new Words();
    let result = "";
    for (;;) {
      const ch = sc.peek();
      if (ch === EOF) break;
      if (ch === stop) {
        sc.next();
        return { result, words: words.finish() };
      }
      let special: string | Failure | undefined;
      if (ch === DOLLAR) special = this.processDollar();
      else if (ch === LT) special = this.processPossibleHeredoc();
      else if (quotes && ch === SQUOTE) special = this.processSingleQuote();
      else if (quotes && ch === DQUOTE) special = this.processDoubleQuote();
      if (special !== undefined) {
        if (special instanceof Failure) return special;
        result += special;
        // a variable's value is split on whitespace, quoted text is not
        if (ch === DOLLAR) words.addString(special);
        else words.addRaw(special);
        continue;
      }
      let c = sc.next();
      if (c === this.escape) {
        if (this.rawEscapes) {
          words.addRaw(this.escapeText);
          result += this.escapeText;
        }
        c = sc.next();
        if (c === EOF) break; // an escape token at the very end is dropped
        words.addRaw(String.fromCodePoint(c));
      } else {
        words.addChar(c);
      }
      result += String.fromCodePoint(c);
    }
    if (stop !== EOF) return new Failure(`unexpected end of statement while looking for matching ${String.fromCodePoint(stop)}`);
    return { result, words: words.finish() };
  }

  /** `'...'`: everything literal, and no escape, so a `'` can never appear inside (as in sh). */
  private processSingleQuote(): string | Failure {
    const sc = this.scanner;
    const raw = this.options.rawQuotes === true;
    sc.next();
    let result = raw ? "'" : "";
    for (;;) {
      const c = sc.next();
      if (c === EOF) return new Failure("unexpected end of statement while looking for matching single-quote");
      if (c === SQUOTE) return raw ? result + "'" : result;
      result += String.fromCodePoint(c);
    }
  }

  /** `"..."`: `$` expands, and the escape token escapes only `"`, `$` and itself. */
  private processDoubleQuote(): string | Failure {
    const sc = this.scanner;
    const raw = this.options.rawQuotes === true;
    sc.next();
    let result = raw ? '"' : "";
    for (;;) {
      const p = sc.peek();
      if (p === EOF) return new Failure("unexpected end of statement while looking for matching double-quote");
      if (p === DQUOTE) {
        sc.next();
        return raw ? result + '"' : result;
      }
      if (p === DOLLAR) {
        const value = this.processDollar();
        if (value instanceof Failure) return value;
        result += value;
        continue;
      }
      let c = sc.next();
      if (c === this.escape) {
        // With raw escapes BuildKit writes the token and then, before a character it does not escape,
        // writes it again: "\a" comes out as \\a.
        if (this.rawEscapes) result += this.escapeText;
        const q = sc.peek();
        if (q === EOF) continue; // reported as the missing closing quote
        if (q === DQUOTE || q === DOLLAR || q === this.escape) c = sc.next();
      }
      result += String.fromCodePoint(c);
    }
  }

  /** `<<` and the blanks after it stay in one word, so `<< EOF` can still be found as a heredoc (BuildKit 0.22+). */
  private processPossibleHeredoc(): string {
    const sc = this.scanner;
    sc.next();
    if (sc.peek() !== LT) return "<";
    sc.next();
    let result = "<<";
    // `<<- EOF` is not absorbed: the `-` stops this, so BuildKit sees `<<-` and `EOF`
    while (sc.peek() === SPACE || sc.peek() === TAB) result += String.fromCodePoint(sc.next());
    return result;
  }

  private processDollar(): string | Failure {
    const sc = this.scanner;
    sc.next();
    if (sc.peek() !== LBRACE) {
      const name = this.processName();
      if (name === "") return "$"; // `$` without a name stays literal
      const value = this.getEnv(name);
      if (value === undefined && this.options.skipUnsetEnv === true) return "$" + name;
      return value ?? "";
    }
    sc.next();
    const first = sc.peek();
    if (first === EOF) return new Failure("syntax error: missing '}'");
    if (first === LBRACE || first === RBRACE || first === COLON) return new Failure("syntax error: bad substitution");
    if (this.nesting >= MAX_NESTING) return new Failure("dflint: variable references are nested too deeply");
    this.nesting++;
    const out = this.processBraced();
    this.nesting--;
    return out;
  }

  /** The inside of `${...}`, after the `{`. */
  private processBraced(): string | Failure {
    const sc = this.scanner;
    const skipUnset = this.options.skipUnsetEnv === true;
    const name = this.processName();
    let ch = sc.next();
    // Go's string(rune) turns EOF into U+FFFD, so an unclosed `${a` reads "unsupported modifier (\uFFFD)"
    let chs = runeText(ch);

    if (ch === RBRACE) {
      const value = this.getEnv(name);
      if (value === undefined && skipUnset) return "${" + name + "}";
      return value ?? "";
    }

    if (ch === SLASH) return this.processReplace(name);

    let nullIsUnset = false;
    if (ch === COLON) {
      // whatever follows `:` is taken as the modifier; only -, +, ? are accepted in the end
      nullIsUnset = true;
      ch = sc.next();
      chs += runeText(ch);
    } else if (ch !== PLUS && ch !== MINUS && ch !== QUESTION && ch !== HASH && ch !== PERCENT) {
      return new Failure(`unsupported modifier (${chs}) in substitution`);
    }

    // A # or % pattern is read with its escapes kept, so that \* can reach the pattern as a literal star.
    const isPattern = ch === HASH || ch === PERCENT;
    if (nullIsUnset && isPattern) return new Failure(`unsupported modifier (${chs}) in substitution`);
    const read = this.processStopOn(RBRACE, isPattern);
    if (read instanceof Failure) return sc.peek() === EOF ? new Failure("syntax error: missing '}'") : read;
    let word = read.result;

    const value = this.getEnv(name);
    if (value === undefined && skipUnset) return "${" + name + chs + word + "}";
    const isEmpty = value === undefined || (nullIsUnset && value === "");

    switch (ch) {
      case MINUS:
        return isEmpty ? word : value!;
      case PLUS:
        return isEmpty ? "" : word;
      case QUESTION:
        if (value === undefined) return new Failure(`${name}: ${word !== "" ? word : "is not allowed to be unset"}`);
        if (isEmpty) return new Failure(`${name}: ${word !== "" ? word : "is not allowed to be empty"}`);
        return value;
      case HASH:
      case PERCENT: {
        // ## and %% ask for the longest match; the second sign arrives as the pattern's first character
        let greedy = false;
        if (word.codePointAt(0) === ch) {
          greedy = true;
          word = word.slice(1);
        }
        return ch === PERCENT ? trimSuffix(word, value ?? "", greedy) : trimPrefix(word, value ?? "", greedy);
      }
      default:
        return new Failure(`unsupported modifier (${chs}) in substitution`);
    }
  }

  /** `${v/p/r}` and `${v//p/r}`, after the first `/`. */
  private processReplace(name: string): string | Failure {
    const sc = this.scanner;
    const replaceAll = sc.peek() === SLASH;
    if (replaceAll) sc.next();

    const pattern = this.processStopOn(SLASH, true);
    if (pattern instanceof Failure) return sc.peek() === EOF ? new Failure("syntax error: missing '/' in ${}") : pattern;
    const replacement = this.processStopOn(RBRACE, true);
    if (replacement instanceof Failure) return sc.peek() === EOF ? new Failure("syntax error: missing '}'") : replacement;

    const value = this.getEnv(name);
    // BuildKit rebuilds this with one slash even for `//`
    if (value === undefined && this.options.skipUnsetEnv === true) return "${" + name + "/" + pattern.result + "/" + replacement.result + "}";

    const glob = compileGlob(pattern.result);
    if (glob instanceof Failure) return new Failure(`invalid pattern (${pattern.result}) in substitution: ${glob.message}`);
    const text = new CodePoints(value ?? "");
    if (replaceAll) return replaceAllMatches(glob, text, replacement.result);
    const m = findMatch(glob, true, text, 0, false);
    if (m === undefined) return text.s;
    return text.slice(0, m[0]) + replacement.result + text.slice(m[1], text.length);
  }

  /** A name is letters, digits and `_`; a leading digit run or one special character is a parameter of its own. */
  private processName(): string {
    const sc = this.scanner;
    let name = "";
    for (;;) {
      const c = sc.peek();
      if (c === EOF) break;
      if (name === "" && isGoDigit(c)) {
        // positional parameters: all the digits, never set in a Dockerfile
        while (isGoDigit(sc.peek())) name += String.fromCodePoint(sc.next());
        return name;
      }
      if (name === "" && isSpecialParam(c)) {
        sc.next();
        return String.fromCodePoint(c);
      }
      if (!isGoLetter(c) && !isGoDigit(c) && c !== UNDERSCORE) break;
      name += String.fromCodePoint(sc.next());
    }
    return name;
  }

  private getEnv(name: string): string | undefined {
    let value: string | undefined;
    if (this.options.caseInsensitiveEnv === true) {
      // Windows builds compare names upper-cased (BuildKit's NormalizeEnvKey); a later key wins, as in Go
      this.foldedEnv ??= new Map([...this.options.env].map(([k, v]) => [goToUpper(k), v]));
      value = this.foldedEnv.get(goToUpper(name));
    } else {
      value = this.options.env.get(name);
    }
    (value === undefined ? this.unmatched : this.matched).add(name);
    return value;
  }
}

/** Special parameters (POSIX 2.5.2) are never set in a Dockerfile, so they expand to nothing. */
function isSpecialParam(c: number): boolean {
  return c === 0x40 || c === STAR || c === HASH || c === QUESTION || c === MINUS || c === DOLLAR || c === 0x21 || c === 0x30;
}

function runeText(c: number): string {
  return c === EOF ? "\ufffd" : String.fromCodePoint(c);
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

/** Go's unicode.IsLetter. */
function isGoLetter(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return LETTER.test(String.fromCodePoint(c));
}

/** Go's unicode.IsDigit. */
function isGoDigit(c: number): boolean {
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return c !== EOF && DIGIT.test(String.fromCodePoint(c));
}

/** Go's strings.ToUpper: rune by rune, never turning one character into two (ß stays ß). */
function goToUpper(s: string): string {
  let out = "";
  for (const ch of s) {
    const up = ch.toUpperCase();
    out += [...up].length === 1 ? up : ch;
  }
  return out;
}

/** A string with its code points, so that positions count runes the way Go's regexp does. */
class CodePoints {
  readonly cps: number[] = [];
  private readonly offsets: number[] = [];

  constructor(readonly s: string) {
    for (let i = 0; i < s.length; ) {
      const c = s.codePointAt(i)!;
      this.cps.push(c);
      this.offsets.push(i);
      i += c > 0xffff ? 2 : 1;
    }
    this.offsets.push(s.length);
  }

  get length(): number {
    return this.cps.length;
  }

  slice(from: number, to: number): string {
    return this.s.slice(this.offsets[from], this.offsets[to]);
  }
}

// Glob items: a code point is a literal; these two are wildcards.
const ANY = -2; // `?`, regexp `.`
const ANY_RUN = -3; // `*`, regexp `.*` or `.*?`

/**
 * BuildKit's convertShellPatternToRegex, kept as a list of items: `*`, `?`, and literals (`\*`, `\?`,
 * `\\`). No bracket expressions. Any other escape is an error, except that `\}` and `\/` drop the
 * backslash (it was only there to get past the `${...}` reader).
 */
function compileGlob(pattern: string): number[] | Failure {
  const sc = new Scanner(pattern);
  const items: number[] = [];
  for (let tok = sc.next(); tok !== EOF; tok = sc.next()) {
    if (tok === STAR) items.push(ANY_RUN);
    else if (tok === QUESTION) items.push(ANY);
    else if (tok === BACKSLASH) {
      const p = sc.peek();
      if (p === RBRACE || p === SLASH) continue;
      const esc = sc.next();
      if (esc !== STAR && esc !== QUESTION && esc !== BACKSLASH) return new Failure(`invalid escape '\\${runeText(esc)}'`);
      items.push(esc);
    } else items.push(tok);
  }
  return items;
}

/**
 * The leftmost match of a glob in `text` starting at or after `from` (or exactly at `from` when anchored),
 * as [start, end) in code points. It returns what Go's RE2 regexp (leftmost-first, `.` not matching `\n`)
 * returns for the converted pattern, using a Pike VM so the time stays O(text × pattern) with no
 * backtracking blow-up.
 */
function findMatch(items: number[], greedy: boolean, text: CodePoints, from: number, anchored: boolean): [number, number] | undefined {
  const m = items.length; // state m is "matched"
  const mark = new Int32Array(m + 1).fill(-1);
  const add = (list: number[], gen: number, state: number, start: number): void => {
    // the epsilon closure of `state`, in priority order: a greedy star prefers another character
    let end = state;
    while (end < m && items[end] === ANY_RUN) end++;
    const push = (s: number): void => {
      if (mark[s] === gen) return;
      mark[s] = gen;
      list.push(s, start);
    };
    if (greedy) {
      for (let s = state; s <= end; s++) push(s);
    } else {
      push(end);
      for (let s = end - 1; s >= state; s--) push(s);
    }
  };

  let current: number[] = [];
  let found: [number, number] | undefined;
  for (let pos = from; pos <= text.length; pos++) {
    if (found === undefined && (pos === from || !anchored)) add(current, pos, 0, pos);
    if (current.length === 0) break;
    const c = pos < text.length ? text.cps[pos]! : EOF;
    const next: number[] = [];
    for (let k = 0; k < current.length; k += 2) {
      const state = current[k]!;
      const start = current[k + 1]!;
      if (state === m) {
        found = [start, pos];
        break; // threads of lower priority lose to this match
      }
      if (c === EOF) continue;
      const item = items[state]!;
      if (item >= 0 ? c === item : c !== LF) add(next, pos + 1, item === ANY_RUN ? state : state + 1, start);
    }
    current = next;
  }
  return found;
}

function trimPrefix(pattern: string, value: string, greedy: boolean): string | Failure {
  const glob = compileGlob(pattern);
  if (glob instanceof Failure) return new Failure(`invalid pattern (${pattern}) in substitution: ${glob.message}`);
  const text = new CodePoints(value);
  const m = findMatch(glob, greedy, text, 0, true);
  return m === undefined ? value : text.slice(m[1], text.length);
}

/**
 * BuildKit finds the shortest/longest suffix by reversing pattern and value and trimming a prefix. An
 * error therefore quotes the reversed pattern.
 */
function trimSuffix(pattern: string, value: string, greedy: boolean): string | Failure {
  const out = trimPrefix(reversePattern(pattern), reverseString(value), greedy);
  return out instanceof Failure ? out : reverseString(out);
}

/** Reverses a pattern but keeps each `\x` pair in order: a\*c becomes c\*a. */
function reversePattern(pattern: string): string {
  const runes = [...pattern];
  const out: string[] = new Array<string>(runes.length);
  const last = runes.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = runes[i]!;
    if (tok === "\\" && i !== last) {
      out[last - i - 1] = tok;
      out[last - i] = runes[i + 1]!;
      i += 2;
    } else {
      out[last - i] = tok;
      i++;
    }
  }
  return out.join("");
}

function reverseString(s: string): string {
  return [...s].reverse().join("");
}

/**
 * `${v//p/r}` goes through Go's Regexp.ReplaceAllString: `$0` and `${0}` in r insert the match, `$$` is a
 * `$`, other names and numbers insert nothing, and an empty match right after a match is not replaced.
 */
function replaceAllMatches(glob: number[], text: CodePoints, template: string): string {
  let out = "";
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= text.length) {
    const m = findMatch(glob, true, text, searchPos, false);
    if (m === undefined) break;
    out += text.slice(lastEnd, m[0]);
    if (m[1] > lastEnd || m[0] === 0) out += expandTemplate(template, text.slice(m[0], m[1]));
    lastEnd = m[1];
    // always advance at least one character
    searchPos = searchPos + 1 > m[1] ? searchPos + 1 : m[1];
  }
  return out + text.slice(lastEnd, text.length);
}

/** Go's Regexp.Expand for a regexp without capture groups. */
function expandTemplate(template: string, match: string): string {
  let out = "";
  let i = 0;
  for (;;) {
    const dollar = template.indexOf("$", i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template.charCodeAt(i) === DOLLAR) {
      out += "$";
      i++;
      continue;
    }
    const ref = extractReference(template, i);
    if (ref === undefined) {
      out += "$"; // malformed: the `$` is kept as text
      continue;
    }
    i = ref.rest;
    if (ref.group === 0) out += match;
  }
  return out + template.slice(i);
}

/** Go regexp's `extract`: a `name` or `{name}` at `i`; group is the number it names, or -1. */
function extractReference(s: string, i: number): { group: number; rest: number } | undefined {
  if (i >= s.length) return undefined;
  const brace = s.charCodeAt(i) === LBRACE;
  if (brace) i++;
  const nameStart = i;
  while (i < s.length) {
    const c = s.codePointAt(i)!;
    if (!isGoLetter(c) && !isGoDigit(c) && c !== UNDERSCORE) break;
    i += c > 0xffff ? 2 : 1;
  }
  if (i === nameStart) return undefined;
  const name = s.slice(nameStart, i);
  if (brace) {
    if (s.charCodeAt(i) !== RBRACE) return undefined;
    i++;
  }
  let group = 0;
  for (let k = 0; k < name.length; k++) {
    const d = name.charCodeAt(k);
    if (d < 0x30 || d > 0x39 || group >= 1e8) {
      group = -1;
      break;
    }
    group = group * 10 + (d - 0x30);
  }
  if (name.length > 1 && name.charCodeAt(0) === 0x30) group = -1; // no leading zeros
  return { group, rest: i };
}
