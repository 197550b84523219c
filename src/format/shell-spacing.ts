// Which spaces and tabs of a POSIX shell command are mere separators. `sh -c` splits a command into
// words at unquoted, unescaped blanks, and how many blanks stand between two words means nothing;
// inside quotes, after a backslash, or inside `${...}` (`${x/a  b/c}`) every blank counts, and a
// comment is kept as written. This is
// the formatter's trusted base: it may only change the width of a separator run (never empty one),
// and its self-check compares commands with those runs collapsed. Anything this scanner does not
// fully understand makes the rest of the command count as written, which is always safe.

// Scanner states; STOPPED: from here on nothing is a separator.
const NORMAL = 0;
const SINGLE = 1;
const DOUBLE = 2;
const ANSI = 3; // $'...', where a backslash escapes the quote
const BACKTICK = 4;
const STOPPED = 5;

const isBlank = (c: number) => c === 32 || c === 9;
// The characters that mean something outside quotes: blanks, quotes, the escape, `$` and `#`.
const DOUBLE_QUOTED_SPECIAL = /["\\`$]/g;
const IS_SPECIAL = new Uint8Array(128);
for (const c of " \t\\'\"`$#") IS_SPECIAL[c.charCodeAt(0)] = 1;


/**
 * Marks the separator blanks of a shell command: `mask[i]` is 1 when `text[i]` is a space or tab that
 * the shell reads only as a word separator.
 */
export function separatorMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let state = NORMAL;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    switch (state) {
      case NORMAL:
        if (c >= 128 || !IS_SPECIAL[c]) continue;
        if (isBlank(c)) mask[i] = 1;
        // A comment runs to the end and is kept as written. A `#` inside a word (`a#b`) is none, but
        // some parsers read one after an expansion as a comment: any `#` but `$#` stops the scan.
        else if (c === 35 && text.charCodeAt(i - 1) !== 36) return mask;
        else if (c === 92) i++; // `\x`: x is literal, a blank included
        else if (c === 39) state = SINGLE;
        else if (c === 34) state = DOUBLE;
        else if (c === 96) state = BACKTICK;
        else if (c === 36) {
          const next = text.charCodeAt(i + 1);
          if (next === 39) {
            state = ANSI;
            i++;
          } else if (next === 123) {
            // ${...}: its text is one word, blanks and all.
            const end = closingBrace(text, i + 2);
            if (end < 0) state = STOPPED;
            else i = end;
          }
        }
        break;
      case SINGLE: {
        const end = text.indexOf("'", i);
        if (end < 0) return mask;
        i = end;
        state = NORMAL;
        break;
      }
      case ANSI:
        if (c === 92) i++;
        else if (c === 39) state = NORMAL;
        break;
      case BACKTICK:
        // Kept whole: inside backquotes a backslash has rules of its own.
        if (c === 92) i++;
        else if (c === 96) state = NORMAL;
        break;
      case DOUBLE:
        if (c !== 92 && c !== 34 && c !== 96 && c !== 36) {
          // Jump to the next character that means something inside double quotes.
          DOUBLE_QUOTED_SPECIAL.lastIndex = i;
          i = DOUBLE_QUOTED_SPECIAL.test(text) ? DOUBLE_QUOTED_SPECIAL.lastIndex - 2 : text.length;
        } else if (c === 92) i++;
        else if (c === 34) state = NORMAL;
        else if (c === 96) state = STOPPED; // quotes nest inside: "`echo "a  b"`"
        else if (c === 36) {
          const next = text.charCodeAt(i + 1);
          const end = next === 123 ? closingBrace(text, i + 2) : next === 40 ? closingParen(text, i + 2) : i;
          if (end < 0) state = STOPPED;
          else i = end;
        }
        break;
      default:
        return mask;
    }
  }
  return mask;
}

// The `}` closing a `${` whose text starts at `from`, when that text is plain: no quotes, escapes,
// backquotes or `$(`, only nested plain `${...}`. -1 otherwise: the scanner then stops.
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 39 || c === 34 || c === 92 || c === 96) return -1;
    if (c === 36) {
      const next = text.charCodeAt(i + 1);
      if (next === 40) return -1;
      if (next === 123) {
        depth++;
        i++;
      }
    } else if (c === 125 && --depth === 0) return i;
  }
  return -1;
}

// The `)` closing a `$(` inside double quotes, when the command in it holds no quotes, escapes,
// backquotes, `$` or parentheses (`"$(uname -m)"`). -1 otherwise.
function closingParen(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 41) return i;
    if (c === 39 || c === 34 || c === 92 || c === 96 || c === 36 || c === 40) return -1;
  }
  return -1;
}

/** A shell command with each run of separator blanks made one space, and none at either end. */
export function collapseSeparators(text: string): string {
  const mask = separatorMask(text);
  let out = "";
  let from = 0;
  let i = 0;
  const n = text.length;
  while (i < n && mask[i]) i++;
  from = i;
  while (i < n) {
    if (!mask[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && mask[j]) j++;
    out += text.slice(from, i);
    if (j < n) out += " ";
    from = i = j;
  }
  return out + text.slice(from);
}

/** A command's separator blanks (separatorMask), and the runs of them a layout resized: pairs of start and end. */
export interface CommandSeparators {
  mask: Uint8Array;
  resized: number[];
}

/**
 * differOnlyInSeparators, told where `b` may differ: `a` outside the resized runs must stand in `b` as it
 * is, which is compared a stretch at a time. When that does not hold, the long way decides.
 */
export function differOnlyInResizedSeparators(a: string, b: string, separators: CommandSeparators): boolean {
  const { mask, resized } = separators;
  let i = 0;
  let j = 0;
  for (let k = 0; k < resized.length; k += 2) {
    const start = resized[k]!;
    const end = resized[k + 1]!;
    if (start < i) return differOnlyInSeparators(a, b, mask);
    // Two substrings compare natively; a loop over char codes, or startsWith at an offset, is slower.
    const stretchEnd = j + start - i;
    if (start > i && b.substring(j, stretchEnd) !== a.substring(i, start)) return differOnlyInSeparators(a, b, mask);
    j = stretchEnd;
    for (let x = start; x < end; x++) if (!mask[x]) return differOnlyInSeparators(a, b, mask);
    const blanks = j;
    while (j < b.length && isBlank(b.charCodeAt(j))) j++;
    if (j === blanks) return differOnlyInSeparators(a, b, mask);
    i = end;
  }
  if (b.length - j === a.length - i && b.substring(j) === a.substring(i)) return true;
  return differOnlyInSeparators(a, b, mask);
}

/**
 * Whether two commands differ at most in the widths of their separator runs (their collapsed forms are
 * equal). Only `a` needs its separators marked: where `b` holds the same text, the scanner is in the same
 * state, so `b`'s blanks facing `a`'s separators are separators too.
 */
export function differOnlyInSeparators(a: string, b: string, separatorsOfA: Uint8Array = separatorMask(a)): boolean {
  const mask = separatorsOfA;
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  while (i < n && mask[i]) i++;
  while (j < m && isBlank(b.charCodeAt(j))) j++;
  while (i < n) {
    if (mask[i]) {
      while (i < n && mask[i]) i++;
      const runStart = j;
      while (j < m && isBlank(b.charCodeAt(j))) j++;
      // Between two words a separator stays one; at the end it may go.
      if (j === runStart && i < n) return false;
      continue;
    }
    if (j >= m || a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
  if (j === m) return true;
  // Blanks that `b` has past the end of `a` are separators only if `a` ends outside quotes and comments;
  // when `a` ended in a separator it did, otherwise ask the long way.
  while (j < m && isBlank(b.charCodeAt(j))) j++;
  if (j !== m) return false;
  return (n > 0 && mask[n - 1] === 1) || collapseSeparators(a) === collapseSeparators(b);
}
