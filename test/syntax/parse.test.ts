// The parser on small inputs, one behaviour each: what BuildKit makes of the syntax, and the ranges.
import { describe, expect, it } from "vitest";
import { dumpInstruction, parse, type Diagnostic, type Instruction } from "../../src/index.js";
import { treeProblems } from "./tree-walk.js";

const at = (text: string, d: { range: { start: { offset: number }; end: { offset: number } } }) =>
  text.slice(d.range.start.offset, d.range.end.offset);
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const only = (text: string) => {
  const r = parse(text);
  expect(treeProblems(text, r.tree)).toEqual([]);
  return r;
};
const first = (text: string, n = 0): Instruction => only(text).tree.instructions[n]!;

describe("instructions", () => {
  const all = ["FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"];
  it("knows all 18 keywords in any case", () => {
    const text = all.map((k, i) => (i % 2 ? k.toLowerCase() : k[0] + k.slice(1).toLowerCase()) + " x=y").join("\n");
    const { tree } = only(text);
    expect(tree.instructions.map((i) => [i.name, i.isKnown])).toEqual(all.map((k) => [k, true]));
  });

  it("reports an unknown instruction at its keyword and goes on", () => {
    const text = "FROM a\nFORM b\nRUN c\n";
    const { tree, diagnostics } = only(text);
    expect(tree.instructions.map((i) => i.name)).toEqual(["FROM", "FORM", "RUN"]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "DF002", severity: "error", name: "unknown-instruction" });
    expect(diagnostics[0]!.message).toContain("did you mean 'FROM'");
    expect(at(text, diagnostics[0]!)).toBe("FORM");
    expect(diagnostics[0]!.range.start).toEqual({ offset: 7, line: 1, character: 0 });
  });

  it("splits FROM into words and keeps its flag", () => {
    const text = "FROM --platform=$BUILDPLATFORM golang:1.22 AS build";
    const ins = first(text);
    expect(ins.flags.map((f) => [f.name, f.value, at(text, f), text.slice(f.nameRange.start.offset, f.nameRange.end.offset)])).toEqual([
      ["platform", "$BUILDPLATFORM", "--platform=$BUILDPLATFORM", "platform"],
    ]);
    expect(ins.args.map((a) => [a.kind, at(text, a)])).toEqual([["word", "golang:1.22"], ["word", "AS"], ["word", "build"]]);
  });

  it("wraps one instruction in ONBUILD, with the trigger's own flags", () => {
    const text = "ONBUILD COPY --from=build /a /b";
    const ins = first(text);
    expect(ins.form).toBe("instruction");
    expect(ins.trigger?.name).toBe("COPY");
    expect(ins.trigger?.flags.map((f) => f.raw)).toEqual(["--from=build"]);
    expect(at(text, ins.trigger!)).toBe("COPY --from=build /a /b");
    expect(dumpInstruction(ins)).toBe('(onbuild (copy ["--from=build"] "/a" "/b"))');
  });
});

describe("parser directives", () => {
  it("reads syntax, escape and check at the top, keys in any case", () => {
    const text = "# syntax=docker/dockerfile:1\n#ESCAPE = `\n# check=skip=all\nFROM a\n";
    const { tree, diagnostics } = only(text);
    expect(diagnostics).toEqual([]);
    expect(tree.escape).toBe("`");
    expect(tree.directives.map((d) => [d.name, d.value, at(text, { range: d.valueRange })])).toEqual([
      ["syntax", "docker/dockerfile:1", "docker/dockerfile:1"],
      ["escape", "`", "`"],
      ["check", "skip=all", "skip=all"],
    ]);
  });

  it("stops looking after a comment, a blank line or an unknown directive", () => {
    for (const head of ["# hello\n", "\n", "# foo=bar\n", "FROM a\n"]) {
      const { tree } = only(head + "# escape=`\nFROM b\n");
      expect(tree.escape, JSON.stringify(head)).toBe("\\");
      expect(tree.directives).toEqual([]);
    }
  });

  it("is an error when repeated, or when escape is not ` or \\", () => {
    const dup = "# escape=\\\n# escape=`\nFROM a\n";
    const r = only(dup);
    expect(codes(r.diagnostics)).toEqual(["DF010"]);
    expect(at(dup, r.diagnostics[0]!)).toBe("# escape=`");
    const bad = "# escape=x\nFROM a\n";
    const b = only(bad);
    expect(codes(b.diagnostics)).toEqual(["DF011"]);
    expect(at(bad, b.diagnostics[0]!)).toBe("x");
  });
});

describe("continuations and comments", () => {
  it("joins continued lines, keeping the indentation of continuation lines", () => {
    const text = "RUN echo a \\\n    && echo b";
    const ins = first(text);
    expect(ins.original).toBe("RUN echo a     && echo b");
    expect(ins.args[0]).toMatchObject({ kind: "shell-command", value: "echo a     && echo b" });
    expect(at(text, ins.args[0]!)).toBe("echo a \\\n    && echo b");
    expect([ins.startLine, ins.endLine]).toEqual([1, 2]);
  });

  it("drops comment lines inside a continuation but keeps them in the tree", () => {
    const text = "RUN a \\\n# note \\\n  b\n";
    const ins = first(text);
    expect(ins.original).toBe("RUN a   b");
    expect(ins.args[0]!.children.map((c) => c.kind)).toEqual(["text", "continuation", "newline", "comment", "newline", "text"]);
  });

  it("warns about a blank line inside a continuation", () => {
    const text = "RUN a \\\n\n  b\nRUN c \\\n   \n d\n";
    const r = only(text);
    expect(r.tree.instructions.map((i) => i.original)).toEqual(["RUN a   b", "RUN c  d"]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["DF009", "warning"],
      ["DF009", "warning"],
    ]);
  });

  it("does not continue after a doubled escape, and continues on a lone one", () => {
    expect(only("RUN a\\\\\nRUN b\n").tree.instructions.map((i) => i.original)).toEqual(["RUN a\\\\", "RUN b"]);
    expect(only("RUN a \\\n\\\n b\n").tree.instructions.map((i) => i.original)).toEqual(["RUN a  b"]);
  });

  it("ends an instruction whose continuation reaches the end of the file", () => {
    const text = "FROM a\nRUN b \\";
    const ins = first(text, 1);
    expect(ins.original).toBe("RUN b ");
    expect(dumpInstruction(ins)).toBe('(run "b")');
  });

  it("uses the backtick as escape when told to", () => {
    const text = "# escape=`\nRUN dir c:\\ `\n  /s\n";
    expect(first(text).original).toBe("RUN dir c:\\   /s");
  });

  it("collects the comments above an instruction, a bare # clearing them", () => {
    const { tree } = only("# one\n# two\nFROM a\n# three\n#\n# four\nRUN b\n");
    expect(tree.instructions.map((i) => i.comments)).toEqual([["one", "two"], ["four"]]);
  });
});

describe("flags", () => {
  it("removes quotes and takes -- as the end of the flags", () => {
    const text = 'COPY --chown="1:1" -- --odd-name /dst';
    const ins = first(text);
    expect(ins.flags.map((f) => f.raw)).toEqual(["--chown=1:1"]);
    expect(ins.args.map((a) => at(text, a))).toEqual(["--odd-name", "/dst"]);
  });

  it("reads flags only where the line's bytes start with --, as BuildKit reads them", () => {
    expect(first("RUN echo --not-a-flag").flags).toEqual([]);
    // U+0085 is a space as a character but its first UTF-8 byte is not: BuildKit sees no flag.
    expect(first("COPY \u0085--from=a x y").flags).toEqual([]);
    // U+00A0's first byte is not a space either; an ASCII tab before a flag is.
    expect(first("COPY \u00a0--from=a x y").flags).toEqual([]);
    expect(first("COPY \t--from=a x y").flags.map((f) => f.raw)).toEqual(["--from=a"]);
  });

  it("reads a flag that spans a continuation", () => {
    const text = "RUN --mount=type=cache,\\\ntarget=/root/.cache go build";
    const ins = first(text);
    expect(ins.flags[0]!.value).toBe("type=cache,target=/root/.cache");
    expect(at(text, ins.flags[0]!)).toBe("--mount=type=cache,\\\ntarget=/root/.cache");
  });

  it("ends a flag at a continuation line's indentation, which BuildKit keeps", () => {
    const ins = first("RUN --mount=type=cache,\\\n  target=/root/.cache go build");
    expect(ins.flags.map((f) => f.raw)).toEqual(["--mount=type=cache,"]);
    expect(ins.args[0]).toMatchObject({ value: "target=/root/.cache go build" });
  });

  it("reports a flag the instruction does not take, at its name", () => {
    const text = "FROM a\nCOPY --form=build /a /b\n";
    const r = only(text);
    expect(codes(r.diagnostics)).toEqual(["DF003"]);
    expect(at(text, r.diagnostics[0]!)).toBe("form");
    expect(r.diagnostics[0]!.message).toContain("did you mean '--from'");
  });

  it("reports duplicates, bad booleans and values given after a space", () => {
    const r = only("FROM a\nCOPY --from=a --from=b --link=maybe x y\nCOPY --chown 1 x y\n");
    expect(codes(r.diagnostics)).toEqual(["DF004", "DF005", "DF005"]);
    expect(only("FROM a\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b true\n").diagnostics).toEqual([]);
  });

  it("checks RUN --mount types, options and values", () => {
    const text = "FROM a\nRUN --mount=type=cahce,target=/x --mount=type=secret,id=a,from=b --mount=type=bind,tagret=/y --network=bridge x\n";
    const r = only(text);
    expect(r.diagnostics.map((d) => [d.code, at(text, d)])).toEqual([
      ["DF006", "type=cahce"],
      ["DF006", "from=b"],
      ["DF006", "tagret=/y"],
      ["DF005", "bridge"],
    ]);
    expect(r.diagnostics[0]!.message).toContain("did you mean 'cache'");
  });

  it("ignores the flags of STOPSIGNAL and HEALTHCHECK NONE, as BuildKit does", () => {
    expect(only("FROM a\nSTOPSIGNAL --x SIGTERM\nHEALTHCHECK --y NONE\n").diagnostics).toEqual([]);
    expect(codes(only("FROM a\nHEALTHCHECK --interval=5x CMD true\n").diagnostics)).toEqual(["DF005"]);
  });

  it("rejects a duration in µs, as BuildKit does (it reads flags as bytes), quoting it as written", () => {
    const [d, ...rest] = only("FROM a\nHEALTHCHECK --interval=5µs CMD true\n").diagnostics;
    expect(rest).toEqual([]);
    expect(d!.code).toBe("DF005");
    expect(d!.message).toContain("not '5µs'");
    expect(d!.message).toContain("write 'us'");
    expect(only("FROM a\nHEALTHCHECK --interval=5us CMD true\n").diagnostics.map((x) => x.message)).toEqual(["Flag '--interval' cannot be less than 1ms."]);
  });
});

describe("JSON and shell form", () => {
  it("reads a JSON array of strings as exec form, with element ranges", () => {
    const text = 'CMD [ "echo", "a\\u0041\\/" ]';
    const ins = first(text);
    expect(ins.form).toBe("json");
    const json = ins.args[0]!;
    expect(json.kind).toBe("json-array");
    if (json.kind !== "json-array") return;
    expect(json.elements.map((e) => [e.value, at(text, e)])).toEqual([
      ["echo", '"echo"'],
      ["aA/", '"a\\u0041\\/"'],
    ]);
  });

  it("falls back to shell form for invalid JSON, with a warning", () => {
    const text = "CMD ['single']";
    const r = only(text);
    expect(r.tree.instructions[0]!.form).toBe("shell");
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["DF013", "warning"]]);
  });

  it("is an error for a valid array holding something other than strings", () => {
    const text = 'CMD ["echo", 1]';
    const r = only(text);
    expect(codes(r.diagnostics)).toEqual(["DF012"]);
    expect(at(text, r.diagnostics[0]!)).toBe("1");
  });

  it("keeps an empty JSON array and a bare keyword apart from each other", () => {
    expect(first("CMD []").form).toBe("json");
    expect(first("CMD").form).toBe("none");
  });
});

describe("heredocs", () => {
  it("reads bodies in order after the instruction line", () => {
    const text = "RUN <<A cat > /a && <<-'B' cat > /b\nline a\nA\n\tline b\n\tB\nRUN next\n";
    const { tree } = only(text);
    const [ins, next] = tree.instructions;
    expect(ins!.heredocs.map((h) => [h.name, h.expand, h.chomp, h.content])).toEqual([
      ["A", true, false, "line a\n"],
      ["B", false, true, "\tline b\n"],
    ]);
    expect(ins!.heredocs.map((h) => at(text, { range: h.markerRange }))).toEqual(["<<A", "<<-'B'"]);
    expect(at(text, { range: ins!.heredocs[1]!.terminatorRange! })).toBe("\tB");
    expect([ins!.startLine, ins!.endLine, next!.startLine]).toEqual([1, 5, 6]);
  });

  it("keeps heredoc bodies raw, CRLF included", () => {
    const text = "COPY <<EOF /x\r\n# not a comment \\\r\nEOF\r\n";
    const ins = first(text);
    expect(ins.heredocs[0]!.content).toBe("# not a comment \\\r\n");
  });

  it("reports an unterminated heredoc at its marker", () => {
    const text = "FROM a\nRUN <<EOF\necho hi\n";
    const r = only(text);
    expect(codes(r.diagnostics)).toEqual(["DF007"]);
    expect(at(text, r.diagnostics[0]!)).toBe("<<EOF");
  });

  it("opens heredocs only on RUN, COPY and ADD in shell form", () => {
    expect(only("CMD <<EOF\nEOF\n").tree.instructions.map((i) => i.name)).toEqual(["CMD", "EOF"]);
    expect(only('RUN ["<<EOF"]\nEOF\n').tree.instructions).toHaveLength(2);
    expect(only("ONBUILD RUN <<EOF\nx\nEOF\n").tree.instructions[0]!.trigger!.heredocs).toHaveLength(1);
  });

  it("does not take `<<- EOF` (space after the dash) as a heredoc", () => {
    expect(only("RUN <<- EOF\nEOF\n").tree.instructions).toHaveLength(2);
  });
});

describe("ENV, LABEL and ARG", () => {
  it("reads key=value pairs with quotes and escapes kept", () => {
    const text = 'ENV A=1 B="two words" C=three\\ words';
    const ins = first(text);
    expect(ins.form).toBe("key-value");
    expect(ins.args.map((a) => (a.kind === "key-value" ? [a.key, a.value, at(text, { range: a.valueRange! })] : null))).toEqual([
      ["A", "1", "1"],
      ["B", '"two words"', '"two words"'],
      ["C", "three\\ words", "three\\ words"],
    ]);
  });

  it("reads the legacy form as key and the rest of the line", () => {
    const ins = first("LABEL maintainer  John Doe");
    expect(ins.form).toBe("legacy-key-value");
    expect(ins.args[0]).toMatchObject({ key: "maintainer", value: "John Doe", separator: "" });
  });

  it("is an error without a value or without =", () => {
    expect(codes(only("ENV PATH").diagnostics)).toEqual(["DF014"]);
    const text = "ENV a=1 b";
    const r = only(text);
    expect(codes(r.diagnostics)).toEqual(["DF015"]);
    expect(at(text, r.diagnostics[0]!)).toBe("b");
  });

  it("reads ARG names with and without defaults", () => {
    const ins = first('ARG A B=2 C="x y"');
    expect(ins.args.map((a) => (a.kind === "key-value" ? [a.key, a.value] : null))).toEqual([
      ["A", null],
      ["B", "2"],
      ["C", '"x y"'],
    ]);
  });
});

describe("lossless text and positions", () => {
  it("gives back a BOM, CRLF, trailing spaces and a missing final newline", () => {
    for (const text of ["\ufeffFROM a\r\nRUN b  \r\n  # c\r\n\r\nCMD d", "  FROM a\t\n\n\n", "", "\\", "#", "\r\r\n"]) {
      expect(treeProblems(text, parse(text).tree)).toEqual([]);
    }
    expect(only("\ufeff# escape=`\nFROM a").tree).toMatchObject({ hasBom: true, escape: "`" });
  });

  it("counts columns in UTF-16 code units, as LSP does", () => {
    const text = "LABEL a=\"😀\" b=c\n";
    const ins = first(text);
    const b = ins.args[1]!;
    expect(b.range.start).toEqual({ offset: 13, line: 0, character: 13 });
  });

  it("has no instructions in an empty file, and says so", () => {
    expect(codes(only("").diagnostics)).toEqual(["DF001"]);
    expect(codes(only("# just a comment\n\n").diagnostics)).toEqual(["DF001"]);
  });
});

describe("values and their source", () => {
  it("maps offsets in a continued value back to the source", async () => {
    const { valueRuns, sourceOffset } = await import("../../src/syntax/value-offsets.js");
    const text = "RUN apt-get update \\\n  # comment\n\n    && apt-get install -y curl\n";
    const shell = first(text).args[0]!;
    const value = (shell as { value: string }).value;
    expect(value).toBe("apt-get update     && apt-get install -y curl");
    const runs = valueRuns(shell);
    expect(runs.map(([, s, n]) => text.slice(s, s + n)).join("")).toBe(value);
    const i = value.indexOf("install");
    expect(text.slice(sourceOffset(runs, i), sourceOffset(runs, i + 7, true))).toBe("install");
  });
});

describe("BuildKit's byte-level reading of flags", () => {
  it("cuts a flag inside a character whose UTF-8 bytes hold 0x85 or 0xA0, and reads the rest as Latin-1", () => {
    expect(dumpInstruction(first("COPY --exclude=à a b"))).toBe('(copy ["--exclude=Ã"] "a" "b")');
    expect(dumpInstruction(first("COPY --exclude=x\u2028y a b"))).toBe('(copy ["--exclude=xâ\\u0080¨y"] "a" "b")');
  });

  it("does not take a no-break space after HEALTHCHECK's type word as a separator", () => {
    expect(dumpInstruction(first("HEALTHCHECK CMD \u00a0echo hi"))).toBe('(healthcheck "CMD" "\\u00a0echo hi")');
  });
});
