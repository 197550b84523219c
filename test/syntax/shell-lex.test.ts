import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { shellLex, type ShellLexOptions } from "../../src/syntax/shell-lex.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

needsShared("the BuildKit shell conformance tests");

function lines(name: string): string[] {
  if (!hasShared) return [];
  // bufio.ScanLines: no empty token after the final newline, and a trailing \r is dropped
  const text = readFileSync(shared(`conformance/buildkit/shell/${name}`), "utf8");
  const all = text.split("\n").map((l) => l.replace(/\r$/, ""));
  if (all.at(-1) === "") all.pop();
  return all;
}

function word(input: string, options: Partial<ShellLexOptions> = {}): string {
  const r = shellLex(input, { escape: "\\", env: new Map(), ...options });
  if (!r.ok) throw new Error(r.error);
  return r.word;
}

function words(input: string, options: Partial<ShellLexOptions> = {}): string[] {
  const r = shellLex(input, { escape: "\\", env: new Map(), ...options });
  if (!r.ok) throw new Error(r.error);
  return r.words;
}

function error(input: string, options: Partial<ShellLexOptions> = {}): string | undefined {
  const r = shellLex(input, { escape: "\\", env: new Map(), ...options });
  return r.ok ? undefined : r.error;
}

describe("BuildKit shell conformance", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds BuildKit's test data, is not beside this clone"));
  describe("envVarTest (ProcessWord)", () => {
    const env = new Map([
      ["PWD", "/home"],
      ["SHELL", "bash"],
      ["KOREAN", "한국어"],
      ["NULL", ""],
    ]);
    lines("envVarTest").forEach((raw, index) => {
      if (raw.startsWith("#")) return;
      const line = raw.trim();
      if (line === "") return;
      const fields = line.split("|").map((f) => f.trim());
      const [platform = "", input = "", expected = ""] = fields;
      it(`line ${index + 1}: ${platform} | ${input} | ${expected}`, () => {
        expect(fields).toHaveLength(3);
        expect(["A", "U", "W"]).toContain(platform);
        const modes = platform === "A" ? [false, true] : [platform === "W"];
        for (const caseInsensitiveEnv of modes) {
          const r = shellLex(input, { escape: "\\", env, caseInsensitiveEnv });
          if (expected === "error") expect(r.ok, JSON.stringify(r)).toBe(false);
          else expect(r, `caseInsensitiveEnv=${caseInsensitiveEnv}`).toMatchObject({ ok: true, word: expected });
        }
      });
    });
  });

  describe("wordsTest (ProcessWords)", () => {
    const env = new Map<string, string>();
    lines("wordsTest").forEach((line, index) => {
      if (line.startsWith("#")) return;
      if (line.startsWith("ENV ")) {
        // trailing spaces in the value are part of it
        const assignment = line.slice(3).replace(/^ +/, "");
        const eq = assignment.indexOf("=");
        env.set(assignment.slice(0, eq), assignment.slice(eq + 1));
        return;
      }
      const fields = line.split("|");
      const input = (fields[0] ?? "").trim();
      const expected = (fields[1] ?? "").replace(/^ +/, "").split(",");
      const snapshot = new Map(env);
      it(`line ${index + 1}: ${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => {
        expect(fields).toHaveLength(2);
        const r = shellLex(input, { escape: "\\", env: snapshot });
        expect(r.ok ? r.words : ["error"]).toEqual(expected);
      });
    });
  });
});

describe("shellLex", () => {
  // How BuildKit's parser lexes a RUN/COPY/ADD line to find heredoc markers.
  const heredocMode = { rawQuotes: true, rawEscapes: true, skipUnsetEnv: true };

  describe("raw modes (heredoc detection)", () => {
    it("keeps quotes around a heredoc delimiter", () => {
      expect(words('RUN <<"EOF" cat', heredocMode)).toEqual(["RUN", '<<"EOF"', "cat"]);
      expect(words("COPY <<'A' <<B /dest", heredocMode)).toEqual(["COPY", "<<'A'", "<<B", "/dest"]);
    });

    it("keeps escapes", () => {
      expect(words("RUN <<eo\\'f", heredocMode)).toEqual(["RUN", "<<eo\\'f"]);
      expect(word("a\\ b\\", heredocMode)).toBe("a\\ b\\");
    });

    it("leaves unset variables as written", () => {
      expect(word("${X:-a}", heredocMode)).toBe("${X:-a}");
      expect(word("$X ${X} ${X+y} ${X?m} ${X#p} ${X%%p}", heredocMode)).toBe("$X ${X} ${X+y} ${X?m} ${X#p} ${X%%p}");
      expect(word("${X:x}", heredocMode)).toBe("${X:x}"); // unsupported modifier, but X is unset
      expect(word("${X//a/b}", heredocMode)).toBe("${X/a/b}"); // BuildKit rebuilds // with one slash
      expect(words("RUN <<$EOF", heredocMode)).toEqual(["RUN", "<<$EOF"]);
    });

    it("still expands set variables", () => {
      expect(word("${X:-a}$X", { ...heredocMode, env: new Map([["X", "v"]]) })).toBe("vv");
    });

    it("absorbs the blanks after << into the word", () => {
      expect(words("RUN << EOF", heredocMode)).toEqual(["RUN", "<< EOF"]);
      expect(words("RUN <<\t  'EOF' cat", heredocMode)).toEqual(["RUN", "<<\t  'EOF'", "cat"]);
      expect(words("RUN 3<< EOF", heredocMode)).toEqual(["RUN", "3<< EOF"]);
      expect(word("a << b")).toBe("a << b"); // the single word is unchanged
    });

    it("does not absorb blanks after <<- or a single <", () => {
      expect(words("RUN <<- EOF", heredocMode)).toEqual(["RUN", "<<-", "EOF"]);
      expect(words("cat < in", heredocMode)).toEqual(["cat", "<", "in"]);
      expect(words("cat <<< EOF", heredocMode)).toEqual(["cat", "<<<", "EOF"]);
    });

    it("writes an escape before an unescapable character twice inside double quotes", () => {
      // BuildKit writes the raw escape, then the unescaped backslash as an ordinary character
      expect(word('"\\a"', heredocMode)).toBe('"\\\\a"');
      expect(word('"\\$x"', heredocMode)).toBe('"\\$x"');
    });

    it("treats quotes as text with skipProcessQuotes (heredoc bodies)", () => {
      const env = new Map([["X", "1"]]);
      expect(word(`echo "$X" '$X' \\$X`, { skipProcessQuotes: true, env })).toBe(`echo "1" '1' $X`);
    });
  });

  describe("escape token", () => {
    it("uses a backtick when the Dockerfile says # escape=`", () => {
      const env = new Map([["b", "B"]]);
      expect(word("a`$b", { escape: "`", env })).toBe("a$b");
      expect(word("C:\\dir\\$b", { escape: "`", env })).toBe("C:\\dir\\B");
      expect(word('"x`"y"', { escape: "`" })).toBe('x"y');
      expect(word('"x`y"', { escape: "`" })).toBe("x`y");
      expect(words("a` b c`", { escape: "`" })).toEqual(["a b", "c"]);
    });
  });

  describe("expansion", () => {
    const env = new Map([
      ["FOO", "xxyy"],
      ["EMPTY", ""],
      ["PATH_", "/tmp/tmp/bar.txt"],
    ]);

    it("reports matched and unmatched names", () => {
      const r = shellLex("$FOO ${NOPE:-x} ${EMPTY}", { escape: "\\", env });
      expect(r).toMatchObject({ ok: true, word: "xxyy x " });
      if (r.ok) {
        expect([...r.matched].sort()).toEqual(["EMPTY", "FOO"]);
        expect([...r.unmatched]).toEqual(["NOPE"]);
      }
    });

    it("removes prefixes and suffixes", () => {
      expect(word("${FOO#*x*y}", { env })).toBe("y");
      expect(word("${FOO#*}", { env })).toBe("xxyy");
      expect(word("${FOO##*x}", { env })).toBe("yy");
      expect(word("${FOO%y*}", { env })).toBe("xxy");
      expect(word("${FOO%%y*}", { env })).toBe("xx");
      expect(word("${FOO%}", { env })).toBe("xxyy");
      expect(word("${X#?\\?}", { env: new Map([["X", "???y"]]) })).toBe("?y");
      expect(word("${X%%\\**\\*}", { env: new Map([["X", "a***yy*"]]) })).toBe("a");
      expect(word("${X#()[]{\\}^$.\\*\\?|\\\\}", { env: new Map([["X", "()[]{}^$.*?|\\x"]]) })).toBe("x");
    });

    it("never lets a wildcard cross a newline (Go's `.`)", () => {
      expect(word("${X#*b}", { env: new Map([["X", "a\nbc"]]) })).toBe("a\nbc");
      expect(word("${X#?}", { env: new Map([["X", "\r1"]]) })).toBe("1");
    });

    it("replaces matches", () => {
      expect(word("${PATH_/\\/tmp/} - ${PATH_//\\/tmp/}", { env })).toBe("/tmp/bar.txt - /bar.txt");
      expect(word("${X/$N/.} - ${X//$N/.}", { env: new Map([["X", "/foo*/*/*.txt"], ["N", "\\*/"]]) })).toBe(
        "/foo.*/*.txt - /foo..*.txt",
      );
      expect(word("${PATH_//\\//\\/}", { env })).toBe("\\/tmp\\/tmp\\/bar.txt");
      expect(word("${FOO/$EMPTY/ww}", { env })).toBe("wwxxyy");
      expect(word("${FOO//$EMPTY/-}", { env })).toBe("-x-x-y-y-");
      expect(word("${FOO///}", { env })).toBe("xxyy");
    });

    it("expands $0 in a replace-all template, as Go's ReplaceAllString does", () => {
      expect(word("${FOO//x/'[$0]'}", { env })).toBe("[x][x]yy");
      expect(word("${FOO/x/'[$0]'}", { env })).toBe("[$0]xyy");
      expect(word("${FOO//y/'$$-${0}-$1-$00'}", { env })).toBe("xx$-y--$-y--");
    });

    it("returns BuildKit's error texts", () => {
      expect(error("${a")).toBe('failed to process "${a": unsupported modifier (\ufffd) in substitution');
      expect(error("${")).toBe(`failed to process "\${": syntax error: missing '}'`);
      expect(error("${a:-b")).toBe(`failed to process "\${a:-b": syntax error: missing '}'`);
      expect(error("${}")).toBe(`failed to process "\${}": syntax error: bad substitution`);
      expect(error("${a:=b}")).toBe(`failed to process "\${a:=b}": unsupported modifier (:=) in substitution`);
      expect(error("${a:#b}")).toBe(`failed to process "\${a:#b}": unsupported modifier (:#) in substitution`);
      expect(error("${a?}")).toBe(`failed to process "\${a?}": a: is not allowed to be unset`);
      expect(error("${E:?}", { env })).toBe(`failed to process "\${E:?}": E: is not allowed to be unset`);
      expect(error("${EMPTY:?say $FOO}", { env })).toBe(`failed to process "\${EMPTY:?say $FOO}": EMPTY: say xxyy`);
      expect(error("'a")).toBe(`failed to process "'a": unexpected end of statement while looking for matching single-quote`);
      expect(error('"a')).toBe(`failed to process "\\"a": unexpected end of statement while looking for matching double-quote`);
      expect(error("${FOO//ww}", { env })).toBe(`failed to process "\${FOO//ww}": syntax error: missing '/' in \${}`);
      expect(error("${FOO#\\x}", { env })).toBe(
        `failed to process "\${FOO#\\\\x}": invalid pattern (\\x) in substitution: invalid escape '\\x'`,
      );
      // trimSuffix reverses the pattern before converting it, so the message shows it reversed
      expect(error("${FOO%a\\x}", { env })).toBe(
        `failed to process "\${FOO%a\\\\x}": invalid pattern (\\xa) in substitution: invalid escape '\\x'`,
      );
      expect(error("\t${")).toBe(`failed to process "\\t\${": syntax error: missing '}'`);
    });

    it("matches names without regard to case only when asked (Windows)", () => {
      const pwd = new Map([["PWD", "/home"]]);
      expect(word("$pwd", { env: pwd })).toBe("");
      expect(word("$pwd", { env: pwd, caseInsensitiveEnv: true })).toBe("/home");
    });

    it("skips a byte order mark at the start, as Go's text/scanner does", () => {
      expect(word("\ufeffa\ufeff")).toBe("a\ufeff");
    });
  });

  describe("robustness", () => {
    const alphabet = fc.constantFrom(..."${}:-+?#%/\\'\"<` \t\n\r\u00a0aZ_09@*!é한\ufeff".split(""), "\u{1F600}", "\ud800");
    const options = fc.record({
      escape: fc.constantFrom<"\\" | "`">("\\", "`"),
      rawQuotes: fc.boolean(),
      rawEscapes: fc.boolean(),
      skipUnsetEnv: fc.boolean(),
      skipProcessQuotes: fc.boolean(),
      caseInsensitiveEnv: fc.boolean(),
    });
    const env = new Map([
      ["a", "x y"],
      ["A", "*"],
      ["Z", ""],
    ]);

    it("never throws, and never returns an empty word", () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: alphabet, maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 })),
          options,
          (input, opts) => {
            const r = shellLex(input, { ...opts, env });
            if (r.ok) expect(r.words.every((w) => w !== "")).toBe(true);
            else expect(r.error.startsWith("failed to process ")).toBe(true);
          },
        ),
        { numRuns: 3000 },
      );
    });

    it("handles long and deeply nested input without overflowing the stack", () => {
      const n = 50_000;
      const deep = "${a:-".repeat(n) + "x" + "}".repeat(n);
      expect(() => shellLex(deep, { escape: "\\", env: new Map() })).not.toThrow();
      const nested = "${a:-".repeat(500) + "x" + "}".repeat(500);
      expect(word(nested)).toBe("x");
      const long = "ab $a 'c d' \"$a\" ".repeat(20_000);
      const started = Date.now();
      expect(words(long, { env }).length).toBe(20_000 * 5);
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it("keeps glob matching linear on hostile patterns", () => {
      const value = "a".repeat(20_000);
      const started = Date.now();
      expect(word("${V##*a*a*a*a*a*a*a*b}", { env: new Map([["V", value]]) })).toBe(value);
      expect(word("${V//*a*a*a*b/x}", { env: new Map([["V", value]]) })).toBe(value);
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });
});
