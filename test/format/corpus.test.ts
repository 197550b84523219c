// The formatter's safety on every file of the real-world corpus: idempotent, meaning kept (BuildKit's
// dump equal but for shell separator blanks, heredoc bodies byte-identical), CRLF input giving CRLF
// output; and with --shell, each RUN's mvdan/sh syntax tree unchanged, which also checks that the
// blanks the default layout changes are ones the shell ignores.
import { readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { format } from "../../src/index.js";
import { hasShared, needsShared, shared } from "../shared-data.js";
import { crlf, meaningDifferences } from "./same-meaning.js";

needsShared("the formatter's corpus tests");

describe("format on the real-world corpus (needs ../shared)", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone"));
  const dir = shared("corpus/real-world/");
  const names = hasShared ? readdirSync(dir).filter((f) => f !== "README.md" && f !== "MANIFEST.tsv").sort() : [];
  const texts = names.map((name) => readFileSync(dir + name, "utf8"));
  const formatted = texts.map((text) => format(text));

  it("formats every file without a failed self-check, and changes most of them", () => {
    const failed = names.filter((_, i) => formatted[i]!.diagnostics.some((d) => d.code === "DF301"));
    expect(failed).toEqual([]);
    const changed = formatted.filter((r) => r.changed).length;
    expect(changed).toBeGreaterThan(names.length / 2);
  });

  it("is idempotent", () => {
    const unstable = names.filter((_, i) => format(formatted[i]!.text).text !== formatted[i]!.text);
    expect(unstable).toEqual([]);
  });

  it("keeps what BuildKit reads, heredoc bodies byte for byte", () => {
    const changes = names.flatMap((name, i) =>
      formatted[i]!.changed ? meaningDifferences(texts[i]!, formatted[i]!.text, "separators").map((p) => `${name}: ${p}`) : [],
    );
    expect(changes).toEqual([]);
  });

  it("gives CRLF input the same result, with CRLF kept", () => {
    const different = names.filter((_, i) => !texts[i]!.includes("\r") && format(crlf(texts[i]!)).text !== crlf(formatted[i]!.text));
    expect(different).toEqual([]);
  });

  // mvdan/sh (compiled to JavaScript) takes milliseconds a command: every fourth file keeps this to seconds.
  it("with --shell, keeps every RUN's shell syntax tree, and is idempotent (every fourth file)", () => {
    const problems: string[] = [];
    names.forEach((name, i) => {
      if (i % 4 !== 0) return;
      const once = format(texts[i]!, { shell: true });
      if (once.diagnostics.some((d) => d.code === "DF301")) problems.push(`${name}: the self-check failed`);
      for (const p of meaningDifferences(texts[i]!, once.text)) problems.push(`${name}: ${p}`);
      if (once.changed && format(once.text, { shell: true }).text !== once.text) problems.push(`${name}: not idempotent`);
    });
    expect(problems).toEqual([]);
  });
});
