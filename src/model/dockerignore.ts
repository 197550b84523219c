// .dockerignore matching as moby/patternmatcher does it, shared by BuildKit's CopyIgnoredFile check and the builder: the
// reader (ignorefile.ReadAll), the pattern list (New: trim, clean, `!` exceptions, syntax check), and
// MatchesOrParentMatches (a path is excluded when the last pattern matching it or one of its parent
// directories is not an exception). `*` and `?` stop at `/`, `**` spans directories, `[...]` and `\`
// work as in Go's filepath.Match, and `. + ( ) | { } $` are literal. Unix paths only. Patterns become
// Go regexps, as upstream, run with Go's meaning (go-regexp.ts): `?` is one code point, not one UTF-16 unit.
import { goRegexp } from "./go-regexp.js";

/** Go's path.Clean: `a//b` → `a/b`, `./a` → `a`, `a/../b` → `b`, a trailing `/` dropped, `` → `.`. */
export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
    } else out.push(part);
  }
  const joined = (rooted ? "/" : "") + out.join("/");
  return joined === "" ? "." : joined;
}

// Go's strings.TrimSpace (unicode.IsSpace).
const trimSpace = (s: string) => s.replace(/^[\s\u0085]+|[\s\u0085]+$/gu, "");

/** A .dockerignore file read into its pattern list, as the docker CLI and BuildKit read it. */
export function readDockerignore(text: string): string[] {
  const patterns: string[] = [];
  const lines = text.split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, i) => {
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (i === 0 && line.startsWith("\uFEFF")) line = line.slice(1);
    if (line.startsWith("#")) return; // a comment only when `#` is the very first character
    let pattern = trimSpace(line);
    if (pattern === "") return;
    const invert = pattern.startsWith("!");
    if (invert) pattern = trimSpace(pattern.slice(1));
    if (pattern !== "") {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    }
    patterns.push(invert ? "!" + pattern : pattern);
  });
  return patterns;
}

// Go's filepath.Match syntax check: a class needs a closing `]`, at least one range, and no bare `-`
// or `]` where a character is due; `\` needs a character after it.
function isValidGlob(p: string): boolean {
  const c = [...p];
  let i = 0;
  const esc = (): boolean => {
    if (i >= c.length || c[i] === "-" || c[i] === "]") return false;
    if (c[i] === "\\") {
      i++;
      if (i >= c.length) return false;
    }
    i++;
    return i < c.length;
  };
  while (i < c.length) {
    const ch = c[i]!;
    if (ch === "[") {
      i++;
      if (c[i] === "^") i++;
      let ranges = 0;
      for (;;) {
        if (c[i] === "]" && ranges > 0) {
          i++;
          break;
        }
        if (!esc()) return false;
        if (c[i] === "-") {
          i++;
          if (!esc()) return false;
        }
        ranges++;
      }
    } else if (ch === "\\") {
      i += 2;
      if (i > c.length) return false;
    } else i++;
  }
  return true;
}

type MatchType = "exact" | "prefix" | "suffix" | "regexp";

const REGEXP_LITERALS = new Set([".", "+", "(", ")", "|", "{", "}", "$"]);

/** One compiled pattern. `error` is set when the pattern is malformed (Go's ErrBadPattern). */
export interface IgnorePattern {
  /** The cleaned pattern, without `!`. */
  text: string;
  isException: boolean;
  match(path: string): boolean | "error";
}

function compilePattern(text: string, isException: boolean): IgnorePattern {
  let type: MatchType = "exact";
  let source = "^";
  const c = [...text];
  for (let i = 0, k = 0; k < c.length; i++) {
    const ch = c[k++]!;
    if (ch === "*") {
      if (c[k] === "*") {
        k++;
        if (c[k] === "/") k++; // `**/` is read as `**`
        if (k >= c.length) {
          if (type === "exact") type = "prefix";
          else {
            source += ".*";
            type = "regexp";
          }
        } else {
          source += "(.*/)?";
          type = "regexp";
        }
        if (i === 0) type = "suffix";
      } else {
        source += "[^/]*";
        type = "regexp";
      }
    } else if (ch === "?") {
      source += "[^/]";
      type = "regexp";
    } else if (REGEXP_LITERALS.has(ch)) {
      source += "\\" + ch;
    } else if (ch === "\\") {
      if (k < c.length) {
        source += "\\" + c[k++];
        type = "regexp";
      } else source += "\\";
    } else if (ch === "[" || ch === "]") {
      source += ch;
      type = "regexp";
    } else source += ch;
  }
  let regexp: RegExp | null = null;
  let broken = false;
  if (type === "regexp") {
    // The text is a Go regexp, read as Go reads it. One Go rejects (`[l-O]`, `\y`) passes the syntax
    // check and fails on first use, as in Go.
    regexp = goRegexp(source + "$");
    broken = regexp === null;
  }
  const match = (path: string): boolean | "error" => {
    switch (type) {
      case "exact":
        return path === text;
      case "prefix":
        return path.startsWith(text.slice(0, -2));
      case "suffix": {
        const suffix = text.slice(2);
        if (path.endsWith(suffix)) return true;
        return suffix.startsWith("/") && path === suffix.slice(1); // `**/foo` matches `foo`
      }
      case "regexp":
        return broken || !regexp ? "error" : regexp.test(path);
    }
  };
  return { text, isException, match };
}

/** A .dockerignore pattern list, compiled. */
export interface IgnoreMatcher {
  patterns: IgnorePattern[];
  /** Some pattern is a `!` exception. */
  hasExceptions: boolean;
  /** MatchesOrParentMatches; "error" for a malformed pattern met on the way. */
  excludes(path: string): boolean | "error";
}

/** Compiles patterns as patternmatcher.New does; an error (lone `!`, malformed glob) yields null. */
export function compileDockerignore(list: readonly string[]): IgnoreMatcher | null {
  const patterns: IgnorePattern[] = [];
  for (const raw of list) {
    let p = trimSpace(raw);
    if (p === "") continue;
    p = cleanPath(p);
    let isException = false;
    if (p.startsWith("!")) {
      if (p.length === 1) return null; // illegal exclusion pattern: "!"
      isException = true;
      p = p.slice(1);
    }
    if (!isValidGlob(p)) return null;
    patterns.push(compilePattern(p, isException));
  }
  return {
    patterns,
    hasExceptions: patterns.some((p) => p.isException),
    excludes(file) {
      let matched = false;
      const slash = file.lastIndexOf("/");
      const parent = slash < 0 ? "." : cleanPath(file.slice(0, slash) || "/");
      const parentDirs = parent.split("/");
      for (const pattern of patterns) {
        // An inclusion can only add, an exception only take away.
        if (pattern.isException !== matched) continue;
        let match = pattern.match(file);
        if (match === "error") return "error";
        if (!match && parent !== ".") {
          for (let i = 0; i < parentDirs.length && !match; i++) {
            match = pattern.match(parentDirs.slice(0, i + 1).join("/")) === true;
          }
        }
        if (match) matched = !pattern.isException;
      }
      return matched;
    },
  };
}

/** The package-level MatchesOrParentMatches: the path cleaned, `.` never excluded. */
export function isExcludedByDockerignore(patterns: readonly string[], path: string): boolean | "error" {
  const matcher = compileDockerignore(patterns);
  if (!matcher) return "error";
  const file = cleanPath(path);
  if (file === ".") return false;
  return matcher.excludes(file);
}
