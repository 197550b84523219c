// Property tests of the parser: it never throws, its tree is lossless and its ranges are consistent
// on any input, and on generated valid Dockerfiles it finds the structure BuildKit's parser would.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, type Diagnostic, type Instruction, type Position, type Range, type SyntaxNode } from "../../src/index.js";
import { dockerfileArbitrary, type ExpectedArg, type ExpectedInstruction } from "./dockerfile-arbitrary.js";

// Sized for a slow 2-core machine: the whole file runs in well under 20 s. PROPERTY_RUNS=10000 searches
// harder; the time limit grows with the runs.
const RUNS = Number(process.env.PROPERTY_RUNS) || 400;
const STRUCTURE_RUNS = 2 * RUNS;
const TIMEOUT = 60 * RUNS;

// ---- inputs ----

const decode = (input: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(input);

const unicodeText = fc.string({ unit: "binary", maxLength: 120 });
// UTF-16 code units, lone surrogates included.
const codeUnitText = fc
  .string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 })
  ;

const DOCKERFILE_TOKENS = [
  "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER",
  "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "run", "Copy", "AS", "NONE",
  "\\", "`", "#", " # ", "# escape=`", "# escape=\\", "# syntax=x", "<<", "<<-", "EOF", "'EOF'", "\"EOF\"",
  "'", "\"", "[", "]", "[\"a\"", ", ", "--", "--mount=type=cache,target=/x", "--from=", "--link", "-", "=", "a=b", "k v",
  "\n", "\n", "\r\n", "\r", "\t", " ", " ", "   ", "$", "{", "}", "${A:-b}", "x", "echo", "/app", "\ufeff", "\u0085", "\u2028", "é", "🐳", "\u0000",
];
const dockerishText = fc
  .array(fc.constantFrom(...DOCKERFILE_TOKENS), { maxLength: 60 })
  .map((t) => t.join(""))
  ;

const encoder = new TextEncoder();
const bytes = fc
  .oneof(
    fc.uint8Array({ maxLength: 120 }),
    // Dockerfile text with invalid UTF-8 and NUL bytes mixed in.
    fc
      .array(
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...DOCKERFILE_TOKENS).map((t) => encoder.encode(t)) },
          fc.constantFrom(
            new Uint8Array([0xff]),
            new Uint8Array([0xc3]),
            new Uint8Array([0xed, 0xa0, 0x80]),
            new Uint8Array([0]),
            new Uint8Array([0xef, 0xbb, 0xbf]),
          ),
          fc.uint8Array({ minLength: 1, maxLength: 3 }),
        ),
        { maxLength: 40 },
      )
      .map((chunks) => {
        const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        return out;
      }),
  )
  ;

const anyText = fc.oneof(unicodeText, codeUnitText, dockerishText, dockerfileArbitrary.map((g) => g.text));

// ---- tree helpers ----

function leaves(node: SyntaxNode, out: Array<SyntaxNode & { text: string }> = []): Array<SyntaxNode & { text: string }> {
  if (node.children.length === 0 && "text" in node) out.push(node as SyntaxNode & { text: string });
  for (const child of node.children) leaves(child, out);
  return out;
}

function* nodes(node: SyntaxNode): Generator<SyntaxNode> {
  yield node;
  for (const child of node.children) yield* nodes(child);
}

/** LSP positions of every offset: lines break at \n, \r\n or a lone \r; characters are UTF-16 units. */
function positions(text: string): Position[] {
  const out: Position[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i <= text.length; i++) {
    out.push({ offset: i, line, character });
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
      line++;
      character = 0;
    } else character++;
  }
  return out;
}

function isRange(value: unknown): value is Range {
  return typeof value === "object" && value !== null && "start" in value && "end" in value;
}

/** The text as a JSON string with everything outside printable ASCII escaped (U+2028, NEL, BOM...). */
function visible(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

// Plain comparisons, failing with a message: these run for every node of every input.
function check(ok: boolean, text: string, message: () => string): void {
  if (!ok) expect.fail(`${message()}, in ${visible(text)}`);
}

const show = (p: Position | undefined) => (p ? `${p.offset}@${p.line}:${p.character}` : "none");

function checkRange(range: Range, expected: Position[], text: string, where: string): void {
  const { start, end } = range;
  check(start.offset >= 0 && end.offset <= expected.length - 1, text, () => `${where}: [${start.offset}, ${end.offset}) is outside the text`);
  check(start.offset <= end.offset, text, () => `${where}: starts at ${start.offset}, after its end ${end.offset}`);
  for (const [name, p] of [["start", start], ["end", end]] as const) {
    const want = expected[p.offset];
    check(p.line === want?.line && p.character === want.character, text, () => `${where}: ${name} is ${show(p)}, expected ${show(want)}`);
  }
}

function checkLossless(text: string, root: SyntaxNode): void {
  const list = leaves(root);
  expect(list.map((l) => l.text).join(""), "the leaves spell the text").toBe(text);
  if (list.length === 0) return;
  check(list[0]!.range.start.offset === 0, text, () => `the first leaf starts at ${list[0]!.range.start.offset}`);
  check(list[list.length - 1]!.range.end.offset === text.length, text, () => `the last leaf ends at ${list[list.length - 1]!.range.end.offset}`);
  list.forEach((leaf, i) => {
    const { start, end } = leaf.range;
    check(text.slice(start.offset, end.offset) === leaf.text, text, () => `leaf ${i} (${leaf.kind}) ${JSON.stringify(leaf.text)} is not the text at [${start.offset}, ${end.offset})`);
    const before = list[i - 1];
    check(!before || before.range.end.offset === start.offset, text, () => `leaf ${i} (${leaf.kind}) starts at ${start.offset}, leaf ${i - 1} ends at ${before!.range.end.offset}`);
  });
}

function checkRanges(text: string, root: SyntaxNode, diagnostics: Diagnostic[]): void {
  const expected = positions(text);
  check(root.range.start.offset === 0 && root.range.end.offset === text.length, text, () => "the root does not cover the text");
  for (const node of nodes(root)) {
    for (const [key, value] of Object.entries(node)) {
      if ((key === "range" || key.endsWith("Range")) && isRange(value)) checkRange(value, expected, text, `${node.kind}.${key}`);
    }
    let previous: SyntaxNode | null = null;
    for (const child of node.children) {
      const where = `${child.kind} [${child.range.start.offset}, ${child.range.end.offset}) in ${node.kind} [${node.range.start.offset}, ${node.range.end.offset})`;
      check(child.range.start.offset >= node.range.start.offset && child.range.end.offset <= node.range.end.offset, text, () => `${where}: not inside`);
      const prev = previous;
      check(!prev || child.range.start.offset >= prev.range.end.offset, text, () => `${where}: overlaps ${prev!.kind} ending at ${prev!.range.end.offset}`);
      previous = child;
    }
  }
  for (const d of diagnostics) checkRange(d.range, expected, text, `diagnostic ${d.code}`);
}

// ---- what the parser made of an instruction, in the generator's terms ----

function argsOf(ins: Instruction): ExpectedArg[] {
  return ins.args.map((a): ExpectedArg => {
    switch (a.kind) {
      case "json-array":
        return { kind: "json", elements: a.elements.map((e) => e.value) };
      case "shell-command":
        return { kind: "shell", value: a.value };
      case "word":
        return { kind: "word", value: a.value };
      case "key-value":
        return { kind: "pair", key: a.key, value: a.value, separator: a.separator };
    }
  });
}

function structureOf(ins: Instruction, text: string): ExpectedInstruction {
  const at = (r: Range | null) => (r ? text.slice(r.start.offset, r.end.offset) : null);
  return {
    name: ins.name as ExpectedInstruction["name"],
    keyword: at(ins.keyword.range)!,
    flags: ins.flags.map((f) => f.raw),
    flagTexts: ins.flags.map((f) => at(f.range)!),
    form: ins.form,
    args: argsOf(ins),
    healthcheckType: ins.healthcheckType?.value ?? null,
    heredocs: ins.heredocs.map((h) => ({
      name: h.name,
      content: h.content,
      expand: h.expand,
      chomp: h.chomp,
      marker: at(h.markerRange)!,
      terminator: at(h.terminatorRange)!,
    })),
    trigger: ins.trigger ? structureOf(ins.trigger, text) : null,
    original: ins.original,
    comments: ins.comments,
    startLine: ins.startLine,
    endLine: ins.endLine,
  };
}

// ---- properties ----

describe("parse never throws", () => {
  it("on any unicode string", { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.oneof(unicodeText, codeUnitText), (text) => {
        expect(parse(text).tree.kind).toBe("dockerfile");
      }),
      { numRuns: RUNS },
    );
  });

  it("on strings over a Dockerfile alphabet", { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(dockerishText, (text) => {
        expect(parse(text).tree.kind).toBe("dockerfile");
      }),
      { numRuns: RUNS },
    );
  });

  it("on bytes (invalid UTF-8, NUL)", { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const { tree } = parse(input);
        expect(tree.text).toBe(decode(input));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the tree is lossless", () => {
  it("on text", { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(anyText, (text) => checkLossless(text, parse(text).tree)),
      { numRuns: RUNS },
    );
  });

  it("on bytes", { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const { tree } = parse(input);
        checkLossless(tree.text, tree);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("ranges are consistent", () => {
  it("on text", { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { tree, diagnostics } = parse(text);
        checkRanges(text, tree, diagnostics);
      }),
      { numRuns: RUNS },
    );
  });

  it("on bytes", { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(bytes, (input) => {
        const { tree, diagnostics } = parse(input);
        checkRanges(tree.text, tree, diagnostics);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("generated valid Dockerfiles", () => {
  it("parse to the structure BuildKit gives them", { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(dockerfileArbitrary, ({ text, escape, instructions }) => {
        const { tree, diagnostics } = parse(text);
        const where = visible(text);
        expect(diagnostics.filter((d) => d.severity === "error"), where).toEqual([]);
        expect(tree.escape, where).toBe(escape);
        expect(tree.instructions.map((i) => structureOf(i, text)), where).toEqual(instructions);
      }),
      { numRuns: STRUCTURE_RUNS },
    );
  });
});
