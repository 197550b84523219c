// Go's regexp syntax (RE2, as regexp.Compile reads it) in JavaScript: the .dockerignore matcher builds
// Go regexps, and JavaScript reads some of the same text differently. Go matches code points (`[^/]`
// is one emoji; JavaScript needs the `u` flag for that), and its escapes differ: `\a`, `\z`, `\Q…\E`,
// octal, `\x{…}`, `\pL`, ASCII-only `\s` and `[[:alpha:]]` mean things JavaScript does not, and an
// escape Go does not know (`\y`) fails to compile, where JavaScript without `u` reads a plain `y`.

// Go's POSIX classes, `[[:name:]]` inside brackets, as code point ranges.
const POSIX: Record<string, Array<[number, number]>> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};
// Go's `\s` is ASCII white space without `\v`; JavaScript's also takes `\v` and Unicode spaces.
const GO_SPACE = "\\t\\n\\f\\r ";
const MAX_RUNE = 0x10ffff;

const lit = (cp: number) => `\\u{${cp.toString(16)}}`;
const isAsciiPunct = (ch: string) => ch.length === 1 && ch < "\x80" && !/[0-9A-Za-z]/.test(ch);

function ranges(list: ReadonlyArray<[number, number]>, negate: boolean): string {
  let out = list;
  if (negate) {
    const inverse: Array<[number, number]> = [];
    let next = 0;
    for (const [lo, hi] of list) {
      if (lo > next) inverse.push([next, lo - 1]);
      next = hi + 1;
    }
    if (next <= MAX_RUNE) inverse.push([next, MAX_RUNE]);
    out = inverse;
  }
  return out.map(([lo, hi]) => (lo === hi ? lit(lo) : `${lit(lo)}-${lit(hi)}`)).join("");
}

// `\pL`, `\p{Greek}`, `\P{Lu}`, `\p{^Latin}`: Go's names are general categories and scripts.
function unicodeClass(negated: boolean, name: string): string | null {
  if (name.startsWith("^")) {
    negated = !negated;
    name = name.slice(1);
  }
  const p = negated ? "P" : "p";
  for (const candidate of [name, `Script=${name}`]) {
    if (!/^[A-Za-z_=]+$/.test(candidate)) return null;
    try {
      new RegExp(`\\${p}{${candidate}}`, "u");
      return `\\${p}{${candidate}}`;
    } catch {
      // not this kind of name
    }
  }
  return null;
}

/** A JavaScript regexp that matches what Go's regexp.MustCompile(source) matches, or null when Go rejects it. */
export function goRegexp(source: string): RegExp | null {
  const c = [...source];
  let out = "";
  let inClass = false;
  let i = 0;
  // One escape at c[i] === "\\"; returns the JavaScript text and moves i past it, or null.
  const escape = (): string | null => {
    const d = c[i + 1];
    if (d === undefined) return null; // trailing backslash
    i += 2;
    if (isAsciiPunct(d)) return lit(d.codePointAt(0)!);
    switch (d) {
      case "a":
        return lit(7);
      case "f":
      case "n":
      case "r":
      case "t":
      case "v":
      case "d":
      case "D":
      case "w":
      case "W":
        return "\\" + d;
      case "s":
        return inClass ? GO_SPACE : `[${GO_SPACE}]`;
      case "S":
        return inClass ? "\\S" : `[^${GO_SPACE}]`;
      case "A":
        return inClass ? null : "^";
      case "z":
        return inClass ? null : "$";
      case "b":
      case "B":
        return inClass ? null : "\\" + d;
      case "C":
        return inClass ? null : "[^]";
      case "Q": {
        if (inClass) return null;
        let text = "";
        while (i < c.length && !(c[i] === "\\" && c[i + 1] === "E")) text += lit(c[i++]!.codePointAt(0)!);
        if (i < c.length) i += 2;
        return text;
      }
      case "p":
      case "P": {
        if (c[i] === "{") {
          const end = c.indexOf("}", i);
          if (end < 0) return null;
          const name = c.slice(i + 1, end).join("");
          i = end + 1;
          return unicodeClass(d === "P", name);
        }
        const name = c[i++];
        return name === undefined ? null : unicodeClass(d === "P", name);
      }
      case "x": {
        let hex: string;
        if (c[i] === "{") {
          const end = c.indexOf("}", i);
          if (end < 0) return null;
          hex = c.slice(i + 1, end).join("");
          i = end + 1;
        } else {
          hex = c.slice(i, i + 2).join("");
          i += 2;
        }
        if (!/^[0-9A-Fa-f]{1,8}$/.test(hex) || parseInt(hex, 16) > MAX_RUNE) return null;
        return lit(parseInt(hex, 16));
      }
      default: {
        // Octal: `\0` and up to two more digits, or `\1`-`\7` followed by at least one more; a lone
        // `\1` would be a backreference, which Go does not have.
        if (!/[0-7]/.test(d)) return null;
        let digits = d;
        while (digits.length < 3 && /[0-7]/.test(c[i] ?? "")) digits += c[i++];
        if (d !== "0" && digits.length === 1) return null;
        return lit(parseInt(digits, 8));
      }
    }
  };
  while (i < c.length) {
    const ch = c[i]!;
    if (ch === "\\") {
      const text = escape();
      if (text === null) return null;
      out += text;
    } else if (!inClass && ch === "[") {
      inClass = true;
      out += "[";
      i++;
      if (c[i] === "^") out += c[i++];
      if (c[i] === "]") {
        out += "\\]"; // a `]` first in a class is a member in Go; JavaScript would close the class
        i++;
      }
    } else if (inClass && ch === "[" && c[i + 1] === ":") {
      const rest = c.slice(i).join("");
      const m = /^\[:(\^?)([a-z]*):\]/.exec(rest);
      if (m) {
        const list = POSIX[m[2]!];
        if (!list) return null;
        out += ranges(list, m[1] === "^");
        i += [...m[0]].length;
      } else {
        out += "\\[";
        i++;
      }
    } else if (inClass && ch === "]") {
      inClass = false;
      out += "]";
      i++;
    } else if (inClass && ch === "[") {
      out += "\\["; // a member in both, but JavaScript's v-mode-minded parsers warn on it
      i++;
    } else if (!inClass && ch === "{") {
      // A repeat `{n}`, `{n,}`, `{n,m}`; any other `{` is literal in Go and an error with `u`.
      const m = /^\{\d+(?:,\d*)?\}/.exec(c.slice(i, i + 24).join(""));
      out += m ? m[0] : "\\{";
      i += m ? m[0].length : 1;
    } else if (!inClass && (ch === "]" || ch === "}")) {
      out += "\\" + ch; // literal in Go; a syntax error with the `u` flag
      i++;
    } else if (!inClass && ch === ".") {
      out += "[^\\n]"; // Go's `.` stops at \n only; JavaScript's also at \r, U+2028 and U+2029
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  if (inClass) return null; // missing closing ]
  try {
    return new RegExp(out, "u");
  } catch {
    return null; // e.g. a range out of order, `[z-a]`, which Go rejects too
  }
}
