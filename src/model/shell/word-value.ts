// A word's value after quote removal, when nothing in it expands. Pathname patterns (`*.deb`) and `~` are kept
// as written: a rule asking for `rm -rf /var/lib/apt/lists/*` wants the pattern, not the files it would match.
import type { GoValue } from "mvdan-sh";
import { goSlice, goString, goType } from "./go-node.js";

/** The literal value of a `*syntax.Word`, or null when it has parameter, command or arithmetic expansions. */
export function wordValue(word: GoValue): string | null {
  let out = "";
  for (const part of goSlice(word.Parts)) {
    const v = partValue(part);
    if (v === null) return null;
    out += v;
  }
  return goString(out); // the parts are UTF-8 bytes; a character may not straddle two, but decode once anyway
}

function partValue(part: GoValue): string | null {
  switch (goType(part)) {
    case "Lit":
      return unescapeBare(part.Value as string);
    case "SglQuoted": {
      const value = part.Value as string;
      // $'...' has C escapes; decoding them is not worth it for the words rules look at.
      return part.Dollar && value.includes("\\") ? null : value;
    }
    case "DblQuoted": {
      let out = "";
      for (const p of goSlice(part.Parts)) {
        if (goType(p) !== "Lit") return null;
        out += unescapeDouble(p.Value as string);
      }
      return out;
    }
    default:
      return null; // ParamExp, CmdSubst, ArithmExp, ProcSubst, ExtGlob
  }
}

// Outside quotes a backslash quotes the next character; backslash-newline is a line continuation.
function unescapeBare(s: string): string {
  return s.includes("\\") ? s.replace(/\\(\r?\n|[\s\S])?/g, (_, c: string | undefined) => (c === undefined || c.endsWith("\n") ? "" : c)) : s;
}

// Inside double quotes a backslash only quotes $ ` " \ and newline (POSIX 2.2.3).
function unescapeDouble(s: string): string {
  return s.includes("\\") ? s.replace(/\\([$`"\\]|\r?\n)/g, (_, c: string) => (c.endsWith("\n") ? "" : c)) : s;
}
