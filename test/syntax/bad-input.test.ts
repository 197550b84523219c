// Input no Dockerfile should be: a clear diagnostic with a range, never an exception. Timing lives in
// the benchmark (bench/), which shows the time growing in proportion to the input.
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";
import { treeProblems } from "./tree-walk.js";

const at = (text: string, d: { range: { start: { offset: number }; end: { offset: number } } }) =>
  text.slice(d.range.start.offset, d.range.end.offset);

describe("bad input", () => {
  it("takes a file with NUL bytes near the start as binary, keeping every byte", () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const r = parse(bytes);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["DF017", "error"]]);
    expect(r.tree.instructions).toEqual([]);
    expect(treeProblems(r.tree.text, r.tree)).toEqual([]);
  });

  it("reports a NUL byte later in a Dockerfile and still parses it", () => {
    const text = "FROM a\n" + "RUN true\n".repeat(1000) + "RUN echo \0\n";
    const r = parse(text);
    expect(r.tree.instructions).toHaveLength(1002);
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([["DF017", 1001]]);
  });

  it("reports invalid UTF-8 where it is", () => {
    const bytes = Buffer.concat([Buffer.from("FROM a\nRUN echo "), Buffer.from([0xff, 0xfe]), Buffer.from("\n")]);
    const r = parse(bytes);
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([
      ["DF018", 1, 9],
      ["DF018", 1, 10],
    ]);
    expect(r.tree.instructions.map((i) => i.name)).toEqual(["FROM", "RUN"]);
  });

  it("reads a 50 MB file with a 50 MB line, reporting the line as too long", () => {
    const text = "FROM a\nRUN echo " + "x".repeat(50_000_000) + "\nRUN done\n";
    const r = parse(text);
    expect(r.tree.instructions.map((i) => i.name)).toEqual(["FROM", "RUN", "RUN"]);
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line, d.range.end.line])).toEqual([["DF016", 1, 1]]);
  });

  it("measures a line in UTF-8 bytes, up to BuildKit's 65535, wherever on the line the length is", () => {
    const tooLong = (text: string) => parse(text).diagnostics.filter((d) => d.code === "DF016").map((d) => [d.range.start.line, d.range.end.offset - d.range.start.offset]);
    expect(tooLong("FROM a\nRUN " + "a".repeat(65_531) + "\r\n")).toEqual([]);
    expect(tooLong("FROM a\nRUN " + "a".repeat(65_532) + "\r\n")).toEqual([[1, 65_536]]);
    // 21,844 three-byte characters: 65,536 bytes in 21,848 UTF-16 units.
    expect(tooLong("FROM a\nRUN " + "€".repeat(21_844))).toEqual([[1, 21_848]]);
    // The length is in the last token of the line only: a short first word, a continuation, a heredoc body line.
    expect(tooLong("FROM a\n  RUN " + "b ".repeat(32_767) + "\\\n  c\n")).toEqual([[1, 65_541]]);
    expect(tooLong("FROM a\nRUN <<EOF\n" + "€".repeat(21_846) + "\nEOF\n")).toEqual([[2, 21_846]]);
  });

  it("reads a 100,000-character line of escapes and words", () => {
    const text = "FROM a\nCOPY " + "a\\b ".repeat(25_000) + "/dst\n";
    const r = parse(text);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["DF016"]);
    expect(r.tree.instructions[1]!.args).toHaveLength(25_001);
  });

  it("keeps a lone escape at the end of the file", () => {
    for (const text of ["FROM a\nRUN b \\", "FROM a\nRUN b\\\\"]) {
      const r = parse(text);
      expect(treeProblems(text, r.tree), JSON.stringify(text)).toEqual([]);
      expect(r.diagnostics, JSON.stringify(text)).toEqual([]);
    }
    // A file that is only an escape is, for BuildKit, one instruction with an empty keyword.
    for (const text of ["\\", "FROM a\n\\"]) {
      const lone = parse(text);
      expect(lone.tree.instructions.at(-1)!.keyword.text).toBe("");
      expect(lone.diagnostics.map((d) => [d.code, at(text, d)])).toEqual([["DF002", "\\"]]);
    }
  });

  it("reports an unterminated heredoc and JSON array with their ranges", () => {
    const heredoc = "FROM a\nRUN <<EOF\nline\n";
    expect(parse(heredoc).diagnostics.map((d) => [d.code, at(heredoc, d)])).toEqual([["DF007", "<<EOF"]]);
    const json = 'FROM a\nCMD ["echo", "hi"\n';
    const r = parse(json);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["DF013", "warning"]]);
    expect(r.diagnostics[0]!.range.start.line).toBe(1);
    expect(r.tree.instructions[1]!.form).toBe("shell");
  });

  it("never throws on strange input", () => {
    const inputs = ["\r", "\r\r\r", "\u2028\u2029", "<<", "RUN <<", "RUN <<'", 'RUN <<"EOF\n', "ONBUILD", "ONBUILD ONBUILD", "--", "FROM --", "RUN --mount=", "CMD [", "CMD [\"\\ud800\"]", "\uFEFF", "#\\", "# escape=", "ENV =", "ARG =x", "HEALTHCHECK", "HEALTHCHECK --interval= CMD"];
    for (const text of inputs) {
      const r = parse(text);
      expect(treeProblems(text, r.tree), JSON.stringify(text)).toEqual([]);
    }
  });
});
