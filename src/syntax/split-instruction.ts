// Splits one logical instruction line into the coarse tokens the grammar reads: keyword, flags, and
// the arguments in the shape BuildKit's parser gives them for that instruction
// (frontend/dockerfile/parser: splitCommand, extractBuilderFlags and the line parsers).
// All offsets are into the logical line (continuations joined); the caller maps them to the source.
import { isGoSpace, isSplitSpace, trimSpaceBounds } from "./go-text.js";
import { locateJsonForm, type JsonForm } from "./json-form.js";

export const INSTRUCTION_NAMES = [
  "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
  "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL",
] as const;

const KNOWN = new Set<string>(INSTRUCTION_NAMES);

export interface Span {
  start: number;
  end: number;
}

export interface KeywordToken extends Span {
  /** The grammar's token type: the upper-case instruction name, or UNKNOWN. */
  type: string;
  text: string;
}

export interface FlagToken extends Span {
  type: "flag";
  /** `--name=value` with quotes removed and escapes resolved, as BuildKit stores it. */
  raw: string;
  name: string;
  value: string | null;
  nameSpan: Span;
  valueSpan: Span | null;
}

export interface ValueToken extends Span {
  type: "word" | "shell" | "string" | "ignored";
  value: string;
}

export interface JsonToken extends Span {
  type: "json";
  elements: Array<Span & { value: string }>;
}

export interface PairToken extends Span {
  type: "pair";
  key: string;
  value: string | null;
  separator: "=" | "" | null;
  raw: string;
  keySpan: Span;
  valueSpan: Span | null;
}

export interface EndToken extends Span {
  type: "end" | "trigger";
}

/** The tokens that can stand as an instruction's arguments. */
export type ArgumentToken = ValueToken | JsonToken | PairToken;

export type CoarseToken = KeywordToken | FlagToken | ArgumentToken | EndToken;

/** A problem BuildKit's parser reports for the line; `span` is where. */
export interface SplitProblem {
  kind: "json-non-string" | "json-invalid" | "missing-value" | "missing-equals";
  message: string;
  span: Span;
}

export interface SplitResult {
  tokens: CoarseToken[];
  problems: SplitProblem[];
}

/** Splits a logical line into coarse tokens, appending to `out`. */
export function splitInstruction(line: string, escape: string, out: SplitResult, from = 0): void {
  const [start, end] = trimSpaceBounds(line, from);
  let kwEnd = start;
  while (kwEnd < end && !isSplitSpace(line.charCodeAt(kwEnd))) kwEnd++;
  const keywordText = line.slice(start, kwEnd);
  const upper = keywordText.toUpperCase();
  const name = KNOWN.has(upper) ? upper : "UNKNOWN";
  out.tokens.push({ type: name, text: keywordText, start, end: kwEnd });
  let restStart = kwEnd;
  while (restStart < end && isSplitSpace(line.charCodeAt(restStart))) restStart++;
  const argsFrom = restStart < end ? extractFlags(line, restStart, end, out.tokens) : end;
  const [aStart, aEnd] = trimSpaceBounds(line, argsFrom, end);
  splitArguments(name, line, aStart, aEnd, escape, out);
}

// extractBuilderFlags: a prefix of words starting with `--`. Quotes group and are removed, and a
// backslash (always `\`, whatever the escape directive says) escapes the next byte. A bare `--` ends
// the flags. BuildKit reads this part of the line byte by byte: non-ASCII text comes out as its UTF-8
// bytes read as Latin-1, and the bytes 0x85 and 0xA0 (inside characters such as `à`) count as spaces.
function extractFlags(line: string, from: number, end: number, tokens: CoarseToken[]): number {
  // Most lines have no flags: an ASCII first character that is neither `-` nor a space ends the
  // flags at once, in bytes as in text, so the line need not be checked for non-ASCII text.
  const first = line.charCodeAt(from);
  if (first !== 45 && first < 0x80 && !isGoSpace(first)) return from;
  let ascii = true;
  for (let i = from; i < end; i++) if (line.charCodeAt(i) > 0x7f) ascii = false;
  if (ascii) return scanFlags(line, from, end, tokens, (i) => i);
  const { bytes, toLine } = asBytes(line, from, end);
  return toLine(scanFlags(bytes, 0, bytes.length, tokens, toLine));
}

// The UTF-8 bytes of line[from, end) as a Latin-1 string, and a map from byte offsets back to line
// offsets (a byte inside a character maps to the end of that character).
function asBytes(line: string, from: number, end: number): { bytes: string; toLine: (b: number) => number } {
  let bytes = "";
  const offsets: number[] = [];
  for (let i = from; i < end; ) {
    const cp = line.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const encoded = Buffer.from(line.slice(i, i + width), "utf8");
    for (let k = 0; k < encoded.length; k++) {
      bytes += String.fromCharCode(encoded[k]!);
      offsets.push(k === 0 ? i : i + width);
    }
    i += width;
  }
  offsets.push(end);
  return { bytes, toLine: (b) => offsets[b]! };
}

function scanFlags(s: string, from: number, end: number, tokens: CoarseToken[], at: (i: number) => number): number {
  let pos = from;
  for (;;) {
    while (pos < end && isGoSpace(s.charCodeAt(pos))) pos++;
    if (pos >= end) return end;
    if (s.charCodeAt(pos) !== 45 || pos + 1 >= end || s.charCodeAt(pos + 1) !== 45) return pos;
    const wordStart = pos;
    let word = "";
    let eq = -1;
    let quote = 0;
    for (; pos < end; pos++) {
      const c = s.charCodeAt(pos);
      if (quote) {
        if (c === quote) {
          quote = 0;
          continue;
        }
        if (c === 92) {
          if (pos + 1 === end) {
            quote = 0;
            continue;
          }
          pos++;
        }
        word += s[pos];
        continue;
      }
      if (isGoSpace(c)) break;
      if (c === 39 || c === 34) {
        quote = c;
        continue;
      }
      if (c === 92) {
        if (pos + 1 === end) continue;
        pos++;
      } else if (c === 61 && eq < 0) eq = pos;
      word += s[pos];
    }
    if (word === "--") return pos;
    const cut = word.indexOf("=");
    const nameEnd = eq >= 0 ? eq : pos;
    tokens.push({
      type: "flag",
      raw: word,
      name: cut >= 0 ? word.slice(2, cut) : word.slice(2),
      value: cut >= 0 ? word.slice(cut + 1) : null,
      start: at(wordStart),
      end: at(pos),
      nameSpan: { start: at(wordStart + 2), end: at(nameEnd) },
      valueSpan: eq >= 0 ? { start: at(eq + 1), end: at(pos) } : null,
    });
  }
}

function splitArguments(name: string, line: string, start: number, end: number, escape: string, out: SplitResult): void {
  const tokens = out.tokens;
  switch (name) {
    case "FROM":
    case "EXPOSE":
      splitOnWhitespace(line, start, end, tokens);
      break;
    case "ADD":
    case "COPY":
    case "VOLUME": {
      const json = jsonForm(line, start, end, out);
      if (json) tokens.push(json);
      else splitOnWhitespace(line, start, end, tokens);
      break;
    }
    case "RUN":
    case "CMD":
    case "ENTRYPOINT":
    case "SHELL":
      maybeJson(line, start, end, out);
      break;
    case "HEALTHCHECK": {
      // BuildKit finds the type word byte by byte with unicode.IsSpace, then reads the rest like CMD.
      // A non-ASCII character's first byte is never a space byte.
      const isByteSpace = (c: number) => c < 0x80 && isGoSpace(c);
      let sep = start;
      while (sep < end && !isByteSpace(line.charCodeAt(sep))) sep++;
      if (sep === start) break;
      tokens.push({ type: "word", value: line.slice(start, sep), start, end: sep });
      let next = sep;
      while (next < end && isByteSpace(line.charCodeAt(next))) next++;
      maybeJson(line, next, end, out);
      break;
    }
    case "ENV":
    case "LABEL":
      splitPairs(name, line, start, end, escape, out);
      break;
    case "ARG":
      for (const w of quotedWords(line, start, end, escape)) {
        const eq = w.value.indexOf("=");
        const rawEq = eq >= 0 ? w.start + eq : -1; // the word is its source text, so offsets agree
        tokens.push({
          type: "pair",
          key: eq >= 0 ? w.value.slice(0, eq) : w.value,
          value: eq >= 0 ? w.value.slice(eq + 1) : null,
          separator: eq >= 0 ? "=" : null,
          raw: w.value,
          start: w.start,
          end: w.end,
          keySpan: { start: w.start, end: rawEq >= 0 ? rawEq : w.end },
          valueSpan: rawEq >= 0 ? { start: rawEq + 1, end: w.end } : null,
        });
      }
      break;
    case "MAINTAINER":
    case "USER":
    case "WORKDIR":
    case "STOPSIGNAL":
      if (start < end) tokens.push({ type: "string", value: line.slice(start, end), start, end });
      break;
    case "ONBUILD":
      // The trigger is a whole instruction of its own, ending with its own `end`.
      if (start >= end) break;
      tokens.push({ type: "trigger", start, end: start });
      splitInstruction(line.slice(0, end), escape, out, start);
      return;
    default:
      // BuildKit keeps unknown instructions and ignores their arguments.
      if (start < end) tokens.push({ type: "ignored", value: line.slice(start, end), start, end });
  }
  tokens.push({ type: "end", start: end, end });
}

function maybeJson(line: string, start: number, end: number, out: SplitResult): void {
  if (start >= end) return;
  const json = jsonForm(line, start, end, out);
  out.tokens.push(json ?? { type: "shell", value: line.slice(start, end), start, end });
}

// JSON form: the rest must start with `[` and be a JSON array in full. A valid array with anything
// but strings in it is an error; any other failure silently means shell form.
function jsonForm(line: string, start: number, end: number, out: SplitResult): JsonToken | null {
  if (line.charCodeAt(start) !== 91) return null;
  const form: JsonForm = locateJsonForm(line, start, end);
  if (form.kind === "array") return { type: "json", start, end, elements: form.elements };
  if (form.kind === "non-string") {
    out.problems.push({
      kind: "json-non-string",
      message: "When using JSON array syntax, arrays must be comprised of strings only.",
      span: form.span,
    });
    return { type: "json", start, end, elements: form.elements };
  }
  out.problems.push({ kind: "json-invalid", message: form.message, span: form.span });
  return null;
}

function splitOnWhitespace(line: string, start: number, end: number, tokens: CoarseToken[]): void {
  let pos = start;
  while (pos < end) {
    const wordStart = pos;
    while (pos < end && !isSplitSpace(line.charCodeAt(pos))) pos++;
    tokens.push({ type: "word", value: line.slice(wordStart, pos), start: wordStart, end: pos });
    while (pos < end && isSplitSpace(line.charCodeAt(pos))) pos++;
  }
}

interface QuotedWord extends Span {
  value: string;
}

// parseWords: words split on unicode spaces outside quotes, quotes and escapes kept in the word.
// Outside quotes the escape keeps the next character in the word; inside "..." too; inside '...'
// it is ordinary. An escape at the very end is dropped. An empty quoted word ("") still counts.
function quotedWords(line: string, start: number, end: number, escape: string): QuotedWord[] {
  const words: QuotedWord[] = [];
  const esc = escape.charCodeAt(0);
  let pos = start;
  while (pos < end) {
    while (pos < end && isGoSpace(line.charCodeAt(pos))) pos++;
    if (pos >= end) break;
    const wordStart = pos;
    let value = "";
    let quote = 0;
    let blankOk = false;
    let last = pos;
    for (; pos < end; pos++) {
      const c = line.charCodeAt(pos);
      if (quote) {
        if (c === quote) quote = 0;
        else if (c === esc && quote !== 39) {
          if (pos + 1 === end) {
            quote = 0;
            continue;
          }
          value += line[pos];
          pos++;
        }
        value += line[pos];
        last = pos + 1;
        continue;
      }
      if (isGoSpace(c)) break;
      if (c === 39 || c === 34) {
        quote = c;
        blankOk = true;
      } else if (c === esc) {
        if (pos + 1 === end) continue;
        value += line[pos];
        pos++;
      }
      value += line[pos];
      last = pos + 1;
    }
    if (blankOk || value.length > 0) words.push({ value, start: wordStart, end: Math.max(last, wordStart) });
  }
  return words;
}

// parseNameVal: the first word decides. With `=` in it, every word is key=value; without, the legacy
// form takes the key up to the first whitespace and everything after it as the value.
function splitPairs(name: string, line: string, start: number, end: number, escape: string, out: SplitResult): void {
  const words = quotedWords(line, start, end, escape);
  if (words.length === 0) return;
  if (!words[0]!.value.includes("=")) {
    let keyEnd = start;
    while (keyEnd < end && !isSplitSpace(line.charCodeAt(keyEnd))) keyEnd++;
    let valueStart = keyEnd;
    while (valueStart < end && isSplitSpace(line.charCodeAt(valueStart))) valueStart++;
    const key = line.slice(start, keyEnd);
    if (keyEnd >= end) {
      out.problems.push({
        kind: "missing-value",
        message: `${name} must have two arguments.`,
        span: { start, end },
      });
    }
    out.tokens.push({
      type: "pair",
      key,
      value: keyEnd < end ? line.slice(valueStart, end) : null,
      separator: keyEnd < end ? "" : null,
      raw: key,
      start,
      end,
      keySpan: { start, end: keyEnd },
      valueSpan: keyEnd < end ? { start: valueStart, end } : null,
    });
    return;
  }
  for (const w of words) {
    const eq = w.value.indexOf("=");
    if (eq < 0) {
      out.problems.push({
        kind: "missing-equals",
        message: `Syntax error - can't find = in "${w.value}". Must be of the form: name=value.`,
        span: w,
      });
    }
    const rawEq = eq >= 0 ? w.start + eq : -1; // the word is its source text, so offsets agree
    out.tokens.push({
      type: "pair",
      key: eq >= 0 ? w.value.slice(0, eq) : w.value,
      value: eq >= 0 ? w.value.slice(eq + 1) : null,
      separator: eq >= 0 ? "=" : null,
      raw: w.value,
      start: w.start,
      end: w.end,
      keySpan: { start: w.start, end: rawEq >= 0 ? rawEq : w.end },
      valueSpan: rawEq >= 0 ? { start: rawEq + 1, end: w.end } : null,
    });
  }
}
