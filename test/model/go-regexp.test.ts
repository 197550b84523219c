// Go's regexp syntax read in JavaScript, as the .dockerignore matcher needs it: each case is one way
// the two languages read the same text differently.
import { describe, expect, it } from "vitest";
import { isExcludedByDockerignore } from "../../src/model/dockerignore.js";
import { goRegexp } from "../../src/model/go-regexp.js";

/** Which of `inputs` the Go regexp matches. */
const matching = (source: string, inputs: string[]) => {
  const re = goRegexp(source);
  if (!re) throw new Error(`rejected: ${source}`);
  return inputs.filter((s) => re.test(s));
};

describe("goRegexp", () => {
  it("matches code points, not UTF-16 units", () => {
    expect(matching("^a[^/]b$", ["a😀b", "a/b", "ab"])).toEqual(["a😀b"]);
  });

  it("reads Go's escapes: control, hex, octal, quoted text", () => {
    expect(matching("^\\a\\x41\\x{42}\\101$", ["\x07ABA", "aAB101"])).toEqual(["\x07ABA"]);
    expect(matching("^\\0$", ["\0", "0"])).toEqual(["\0"]);
    expect(matching("^\\Q.*\\E$", [".*", "ab"])).toEqual([".*"]);
    expect(matching("^a\\z", ["a", "ab"])).toEqual(["a"]);
    expect(matching("^[a\\-z]$", ["-", "b"])).toEqual(["-"]);
    expect(matching("^\\#\\ x$", ["# x"])).toEqual(["# x"]);
  });

  it("rejects what Go rejects: unknown escapes, backreferences, bad ranges and classes", () => {
    for (const source of ["^\\y$", "^\\1$", "^\\8$", "^[z-a]$", "^[[:foo:]]$", "^a\\", "^[a$", "^\\p{Nonsense}$", "^[\\A]$"]) {
      expect(goRegexp(source), source).toBeNull();
    }
  });

  it("keeps Go's ASCII \\s and its `.`, which stops at \\n only", () => {
    expect(matching("^\\s$", [" ", "\t", "\v", "\u00a0"])).toEqual([" ", "\t"]);
    expect(matching("^a.b$", ["a\rb", "a\u2028b", "a\nb"])).toEqual(["a\rb", "a\u2028b"]);
  });

  it("reads POSIX and Unicode classes", () => {
    expect(matching("^[[:digit:]]+$", ["123", "12a"])).toEqual(["123"]);
    expect(matching("^[[:^alpha:]]$", ["1", "a", "😀"])).toEqual(["1", "😀"]);
    expect(matching("^\\pL\\p{Greek}\\PL$", ["éα1", "aa1", "éαb"])).toEqual(["éα1"]);
  });

  it("takes `]` first in a class, a lone `]` and a `{` that is no repeat literally", () => {
    expect(matching("^[]a]$", ["]", "a", "b"])).toEqual(["]", "a"]);
    expect(matching("^a]{$", ["a]{"])).toEqual(["a]{"]);
    expect(matching("^a{2}$", ["aa", "a{2}"])).toEqual(["aa"]);
  });
});

describe("the .dockerignore matcher on Go's regexps", () => {
  it("lets `?` stand for one character beyond the BMP", () => {
    expect(isExcludedByDockerignore(["icon-?.png"], "icon-😀.png")).toBe(true);
    expect(isExcludedByDockerignore(["icon-[^a].png"], "icon-😀.png")).toBe(true);
  });

  it("fails on first use of an escape Go does not know, as patternmatcher does", () => {
    expect(isExcludedByDockerignore(["notes\\y*"], "notes-y")).toBe("error");
    expect(isExcludedByDockerignore(["notes\\#*"], "notes#1")).toBe(true);
  });
});
