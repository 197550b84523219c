// parse(): text in, lossless syntax tree and diagnostics out. Three layers, as BuildKit has them:
// the moo lexer and scanner find logical lines (directives, comments, continuations, heredocs), the
// splitter cuts each line into coarse tokens, and the nearley grammar gives each instruction its
// shape, from which the tree is built.
import nearley from "nearley";
import grammar, { lexer as tokenStream } from "../../grammar/dockerfile.js";
import type { InstructionShape } from "../../grammar/shape.js";
import { buildInstruction, LineMap, token } from "./build-tree.js";
import { checkFlags } from "./check-flags.js";
import { LineIndex } from "./line-index.js";
import { scan } from "./scan.js";
import { memoShape } from "./shape-memo.js";
import { SYNTAX_PROBLEMS, type SyntaxProblemInfo } from "./syntax-problems.js";
import type { Diagnostic, Directive, Dockerfile, Instruction, Range, SyntaxNode } from "./tree.js";
import { INSTRUCTION_NAMES } from "./split-instruction.js";
import { suggest } from "./check-flags.js";

export interface ParseResult {
  tree: Dockerfile;
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Skip the flag checks (which flags each instruction accepts, --mount options). */
  skipFlagChecks?: boolean;
}

const compiled = nearley.Grammar.fromCompiled(grammar as unknown as nearley.CompiledRules);
// One parser serves every instruction: it is rewound to its first column, which holds the
// predictions for the start symbol and is never changed by later tokens.
const parser = new nearley.Parser(compiled);
const firstColumn = parser.save();

/** Parses Dockerfile text (or bytes, decoded as UTF-8) into a lossless tree. Never throws on any input. */
export function parse(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const text = typeof input === "string" ? input : decode(input, diagnostics);
  const index = new LineIndex(text);
  const report = (p: SyntaxProblemInfo, message: string, range: Range) =>
    diagnostics.push({ code: p.code, name: p.name, severity: p.severity, message, range });
  if (typeof input !== "string") {
    for (const d of diagnostics) d.range = index.range(d.range.start.offset, d.range.end.offset);
  }

  const nul = text.indexOf("\0");
  if (nul >= 0 && nul < BINARY_SNIFF_LENGTH) {
    // A NUL near the start means a binary file (git decides the same way): it is kept whole as one
    // token instead of being read as thousands of garbage instructions.
    const binary = SYNTAX_PROBLEMS.binaryContent;
    const message = "The file contains NUL bytes: it looks binary, not like a Dockerfile.";
    const only: Diagnostic = { code: binary.code, name: binary.name, severity: binary.severity, message, range: index.range(nul, nul + 1) };
    return { tree: binaryTree(text, index), diagnostics: [only] };
  }
  if (nul >= 0) report(SYNTAX_PROBLEMS.binaryContent, "The file contains a NUL byte, which no Dockerfile should.", index.range(nul, nul + 1));

  const scanned = scan(text);
  for (const p of scanned.problems) {
    const info =
      p.kind === "directive-duplicate"
        ? SYNTAX_PROBLEMS.duplicateDirective
        : p.kind === "directive-invalid-escape"
          ? SYNTAX_PROBLEMS.invalidEscapeDirective
          : SYNTAX_PROBLEMS.lineTooLong;
    report(info, p.message, index.range(p.start, p.end));
  }

  const children: SyntaxNode[] = [];
  const directives: Directive[] = [];
  const instructions: Instruction[] = [];
  for (const item of scanned.items) {
    if (item.kind === "piece") {
      children.push(token(item.piece.kind, text, item.piece.start, item.piece.end, index));
      continue;
    }
    if (item.kind === "directive") {
      const d = item.directive;
      const node: Directive = {
        kind: "directive",
        range: index.range(d.start, d.end),
        children: [token("comment", text, d.start, d.end, index)],
        name: d.name,
        value: d.value,
        nameRange: index.range(d.nameStart, d.nameEnd),
        valueRange: index.range(d.valueStart, d.valueEnd),
      };
      directives.push(node);
      children.push(node);
      continue;
    }
    const scannedInstruction = item.instruction;
    const shape = memoShape(scannedInstruction.split.tokens, runGrammar);
    if (!shape) {
      const first = scannedInstruction.pieces[0]!.start;
      const last = scannedInstruction.pieces[scannedInstruction.pieces.length - 1]!.end;
      report(SYNTAX_PROBLEMS.internalError, "The grammar could not read this instruction; please report it.", index.range(first, last));
      for (const p of scannedInstruction.pieces) children.push(token(p.kind, text, p.start, p.end, index));
      continue;
    }
    const ins = buildInstruction(text, scannedInstruction, shape, index);
    instructions.push(ins);
    children.push(ins);
    instructionDiagnostics(ins, scannedInstruction, text, index, report, diagnostics, options);
  }

  if (instructions.length === 0) {
    report(SYNTAX_PROBLEMS.noInstructions, "The file has no instructions.", index.range(text.length, text.length));
  }

  const tree: Dockerfile = {
    kind: "dockerfile",
    range: index.range(0, text.length),
    children,
    text,
    escape: scanned.escape,
    hasBom: scanned.hasBom,
    directives,
    instructions,
  };
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
  return { tree, diagnostics };
}

const BINARY_SNIFF_LENGTH = 8000;

function binaryTree(text: string, index: LineIndex): Dockerfile {
  return {
    kind: "dockerfile",
    range: index.range(0, text.length),
    children: text.length ? [token("text", text, 0, text.length, index)] : [],
    text,
    escape: "\\",
    hasBom: false,
    directives: [],
    instructions: [],
  };
}

/** The grammar's shape of one instruction's tokens; null if the grammar rejects them (a bug). */
export function runGrammar(tokens: ReadonlyArray<{ type: string }>): InstructionShape | null {
  try {
    parser.restore(firstColumn);
    tokenStream.load(tokens);
    parser.feed("");
    return parser.results.length === 1 ? (parser.results[0] as InstructionShape) : null;
  } catch {
    return null;
  }
}

function instructionDiagnostics(
  ins: Instruction,
  scanned: Parameters<typeof buildInstruction>[1],
  text: string,
  index: LineIndex,
  report: (p: SyntaxProblemInfo, message: string, range: Range) => void,
  diagnostics: Diagnostic[],
  options: ParseOptions,
): void {
  const map = new LineMap(scanned.segments, scanned.line.length);
  const lineRange = (s: { start: number; end: number }) => index.range(map.start(s.start), map.end(s.end));
  for (const p of scanned.split.problems) {
    const info =
      p.kind === "json-non-string"
        ? SYNTAX_PROBLEMS.jsonNotStrings
        : p.kind === "json-invalid"
          ? SYNTAX_PROBLEMS.jsonInvalid
          : p.kind === "missing-value"
            ? SYNTAX_PROBLEMS.missingValue
            : SYNTAX_PROBLEMS.missingEquals;
    report(info, p.message, lineRange(p.span));
  }
  for (let i: Instruction | null = ins; i; i = i.trigger) {
    if (!i.isKnown && i.keyword.text === "") {
      // A line continuation with nothing before it starts an instruction without a keyword.
      report(SYNTAX_PROBLEMS.unknownInstruction, "An escape character continues a line that has no instruction on it.", i.range);
    } else if (!i.isKnown) {
      const hint = suggest(i.keyword.text.toUpperCase(), INSTRUCTION_NAMES);
      report(
        SYNTAX_PROBLEMS.unknownInstruction,
        `Unknown instruction '${i.keyword.text}'${hint ? ` (did you mean '${hint}'?)` : ""}.`,
        i.keyword.range,
      );
    }
  }
  if (scanned.hasEmptyContinuation) {
    report(
      SYNTAX_PROBLEMS.emptyContinuationLine,
      "Empty continuation line: a blank line inside a continued instruction is skipped, and will become an error in a future BuildKit.",
      ins.range,
    );
  }
  if (scanned.heredocError) {
    report(SYNTAX_PROBLEMS.invalidHeredoc, `Cannot read heredoc delimiter: ${scanned.heredocError.message}.`, lineRange(scanned.heredocError));
  }
  for (const h of ins.heredocs) {
    if (!h.terminatorRange) {
      report(SYNTAX_PROBLEMS.unterminatedHeredoc, `Heredoc '${h.name}' is not terminated: no line '${h.name}' follows.`, h.markerRange);
    }
  }
  if (!options.skipFlagChecks) checkFlags(ins, text, index, diagnostics);
}

// Invalid UTF-8 is decoded with U+FFFD in place of each bad sequence; each one is reported.
function decode(bytes: Uint8Array, diagnostics: Diagnostic[]): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
    const info = SYNTAX_PROBLEMS.invalidUtf8;
    let count = 0;
    for (let i = text.indexOf("\ufffd"); i >= 0 && count < 100; i = text.indexOf("\ufffd", i + 1), count++) {
      const at = { offset: i, line: 0, character: 0 };
      diagnostics.push({
        code: info.code,
        name: info.name,
        severity: info.severity,
        message: "Invalid UTF-8: the bytes here were replaced with U+FFFD.",
        range: { start: at, end: { ...at, offset: i + 1 } },
      });
    }
    return text;
  }
}
