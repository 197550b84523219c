// Property tests of the formatter. On any text it never throws and never changes a file it cannot read;
// on generated valid Dockerfiles (test/syntax/dockerfile-arbitrary.ts: every keyword case, continuation,
// comment, heredoc, escape character and line ending the parser knows) it is idempotent, keeps the
// meaning, and gives CRLF for CRLF; and on generated shell commands the blanks it may change are ones
// mvdan/sh ignores.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collapseSeparators, differOnlyInResizedSeparators, differOnlyInSeparators, separatorMask } from "../../src/format/shell-spacing.js";
import { format, type FormatOptions } from "../../src/index.js";
import { dockerfileArbitrary } from "../syntax/dockerfile-arbitrary.js";
import { crlf, meaningDifferences, shellTree } from "./same-meaning.js";

// Sized for a slow 2-core machine; PROPERTY_RUNS=10000 searches harder.
const RUNS = Number(process.env.PROPERTY_RUNS) || 300;
const TIMEOUT = 100 * RUNS;

const options: fc.Arbitrary<FormatOptions> = fc.record(
  { indent: fc.constantFrom<FormatOptions["indent"]>(4, 2, "tab", 8), breakChains: fc.boolean() },
  { requiredKeys: [] },
);

const TOKENS = ["FROM a", "RUN", "run", "\\\n", "`\n", "\n", "\r\n", " ", "  ", "\t", "#", "# escape=`\n", "&&", "||", ";", "'", '"', "<<EOF\n", "EOF", "[", "]", ",", "x", "$(", ")", "${", "}", "if", "then", "fi", "\\"];
const dockerish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 50 }).map((t) => t.join(""));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 120 }), dockerish, dockerfileArbitrary.map((g) => g.text));

describe("format on any text", () => {
  it("never throws, and returns a file it cannot read as it is", () => {
    fc.assert(
      fc.property(anyText, options, (text, opts) => {
        const result = format(text, opts);
        if (result.diagnostics.some((d) => d.severity === "error")) expect(result.text).toBe(text);
        expect(result.changed).toBe(result.text !== text);
        expect(result.diagnostics.filter((d) => d.code === "DF301"), "the self-check never fails").toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe("format on generated Dockerfiles", () => {
  it("is idempotent and keeps the meaning", () => {
    fc.assert(
      fc.property(dockerfileArbitrary, options, ({ text }, opts) => {
        const once = format(text, opts);
        expect(once.diagnostics).toEqual([]);
        expect(format(once.text, opts).text).toBe(once.text);
        expect(meaningDifferences(text, once.text)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("gives the same result for CRLF input, with CRLF kept", () => {
    // A file with no line break has no line-break style to keep: the formatter ends it with LF.
    const lfOnly = dockerfileArbitrary.filter((g) => !g.text.includes("\r") && g.text.includes("\n"));
    fc.assert(
      fc.property(lfOnly, options, ({ text }, opts) => {
        expect(format(crlf(text), opts).text).toBe(crlf(format(text, opts).text));
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it("with --shell, keeps each RUN's shell syntax tree", () => {
    fc.assert(
      fc.property(dockerfileArbitrary, ({ text }) => {
        const once = format(text, { shell: true });
        expect(once.diagnostics).toEqual([]);
        expect(format(once.text, { shell: true }).text).toBe(once.text);
        expect(meaningDifferences(text, once.text)).toEqual([]);
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  }, TIMEOUT);
});

// Commands made of words, quotes, escapes, expansions and operators; and the same command with every
// separator run given another width.
const SHELL_PIECES = ["echo", "a", "b c", "x=1", "&&", "||", ";", "|", "'q  q'", '"d  d"', '"$(uname  -m)"', "${v:-a  b}", "${v}", "$(ls  -l)", "`date  +%s`", "\\ ", "\\", "$'e\\'  e'", "#", "(", ")", "{", "}", ">", "2>&1", "if", "then", "fi"];
const shellCommand = fc.array(fc.tuple(fc.constantFrom(...SHELL_PIECES), fc.constantFrom("", " ", "  ", "\t")), { minLength: 1, maxLength: 14 }).map((parts) => parts.map(([p, s]) => p + s).join(""));

describe("separator blanks", () => {
  it("are blanks mvdan/sh reads only as separators: widening them keeps the syntax tree", () => {
    fc.assert(
      fc.property(shellCommand, fc.integer({ min: 1, max: 4 }), (command, width) => {
        const mask = separatorMask(command);
        let widened = "";
        for (let i = 0; i < command.length; i++) widened += mask[i] ? " ".repeat(width) : command[i];
        expect(collapseSeparators(widened)).toBe(collapseSeparators(command));
        expect(differOnlyInSeparators(command, widened)).toBe(true);
        const tree = shellTree(command);
        if (tree !== null) expect(shellTree(widened)).toBe(tree);
      }),
      { numRuns: RUNS * 3 },
    );
  }, TIMEOUT);

  it("are compared as collapsing them would, also when told which runs were resized", () => {
    fc.assert(
      fc.property(shellCommand, fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 40, maxLength: 40 }), fc.option(fc.nat(), { nil: null }), (a, widths, damage) => {
        // Resize every other separator run; maybe damage one character.
        const mask = separatorMask(a);
        const resized: number[] = [];
        let b = "";
        let run = 0;
        for (let i = 0; i < a.length; ) {
          if (!mask[i]) {
            b += a[i++];
            continue;
          }
          let e = i;
          while (e < a.length && mask[e]) e++;
          if (run % 2 === 0) {
            resized.push(i, e);
            b += " ".repeat(widths[run % widths.length]!);
          } else b += a.slice(i, e);
          run++;
          i = e;
        }
        if (damage !== null && b.length > 0) {
          const at = damage % b.length;
          b = b.slice(0, at) + (b[at] === "x" ? "y" : "x") + b.slice(at + 1);
        }
        expect(differOnlyInResizedSeparators(a, b, { mask, resized })).toBe(collapseSeparators(a) === collapseSeparators(b));
        // A wrong hint changes nothing but the speed.
        expect(differOnlyInResizedSeparators(a, b, { mask, resized: [0, a.length] })).toBe(collapseSeparators(a) === collapseSeparators(b));
      }),
      { numRuns: RUNS * 3 },
    );
  }, TIMEOUT);

  it("are compared as collapsing them would", () => {
    fc.assert(
      fc.property(shellCommand, shellCommand, (a, b) => {
        expect(differOnlyInSeparators(a, b)).toBe(collapseSeparators(a) === collapseSeparators(b));
        expect(differOnlyInSeparators(a, a.replace(/ /g, "  "))).toBe(collapseSeparators(a) === collapseSeparators(a.replace(/ /g, "  ")));
      }),
      { numRuns: RUNS * 3 },
    );
  }, TIMEOUT);
});
