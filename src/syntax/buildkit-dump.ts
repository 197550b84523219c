// BuildKit's views of a parse, for conformance: the AST dump of its parser tests (`Node.Dump`), and
// one JSON record per file in the shape of ../shared/conformance/buildkit-observed.
import { goQuote, goQuoteList } from "./go-text.js";
import type { ParseResult } from "./parse.js";
import { SYNTAX_PROBLEMS } from "./syntax-problems.js";
import type { Diagnostic, Instruction } from "./tree.js";

/** One instruction as a line of BuildKit's AST dump: `(run ["--network=none"] "make")`. */
export function dumpInstruction(ins: Instruction): string {
  let out = "(" + ins.keyword.text.toLowerCase();
  if (ins.flags.length > 0) out += " " + goQuoteList(ins.flags.map((f) => f.raw));
  for (const value of argumentValues(ins)) out += " " + value;
  return out + ")";
}

/** BuildKit's AST dump of a whole file: one line per instruction, each ending in a newline. */
export function dumpFile(result: ParseResult): string {
  return result.tree.instructions.map((i) => dumpInstruction(i) + "\n").join("");
}

// The argument nodes BuildKit's line parsers make, quoted; ONBUILD's trigger nested in parentheses.
function argumentValues(ins: Instruction): string[] {
  if (ins.trigger) return [dumpInstruction(ins.trigger)];
  if (!ins.isKnown) return ['""']; // parseIgnore: one empty node
  const values: string[] = [];
  if (ins.healthcheckType) values.push(goQuote(ins.healthcheckType.value));
  for (const arg of ins.args) {
    switch (arg.kind) {
      case "json-array":
        for (const e of arg.elements) values.push(goQuote(e.value));
        break;
      case "key-value":
        if (ins.name === "ARG" || arg.separator === null) values.push(goQuote(arg.raw));
        else values.push(goQuote(arg.key), goQuote(arg.value ?? ""), goQuote(arg.separator));
        break;
      default:
        values.push(goQuote(arg.value));
    }
  }
  return values;
}

// Diagnostics that are errors of BuildKit's parser itself (the file is refused), and its message.
const PARSER_ERRORS = new Set<string>([
  SYNTAX_PROBLEMS.noInstructions.code,
  SYNTAX_PROBLEMS.unterminatedHeredoc.code,
  SYNTAX_PROBLEMS.invalidHeredoc.code,
  SYNTAX_PROBLEMS.duplicateDirective.code,
  SYNTAX_PROBLEMS.invalidEscapeDirective.code,
  SYNTAX_PROBLEMS.jsonNotStrings.code,
  SYNTAX_PROBLEMS.missingValue.code,
  SYNTAX_PROBLEMS.missingEquals.code,
  SYNTAX_PROBLEMS.lineTooLong.code,
]);

/** True for a diagnostic that makes BuildKit's parser refuse the file. */
export function isParserError(d: Diagnostic): boolean {
  return PARSER_ERRORS.has(d.code);
}

function upstreamMessage(d: Diagnostic): string {
  switch (d.code) {
    case SYNTAX_PROBLEMS.noInstructions.code:
      return "file with no instructions";
    case SYNTAX_PROBLEMS.unterminatedHeredoc.code:
      return "unterminated heredoc";
    case SYNTAX_PROBLEMS.lineTooLong.code:
      return "dockerfile line greater than max allowed size of 65535";
    case SYNTAX_PROBLEMS.missingEquals.code:
      return d.message.replace(/\.$/, "");
    default: {
      const m = d.message.replace(/\.$/, "");
      return /^[A-Z][a-z]/.test(m) ? m[0]!.toLowerCase() + m.slice(1) : m;
    }
  }
}

export interface BuildkitRecord {
  file: string;
  escape?: string;
  error?: string;
  instructions?: Array<{
    dump: string;
    startLine: number;
    endLine: number;
    original: string;
    flags: string[];
    json: boolean;
    heredocs?: Array<{ name: string; expand: boolean; chomp: boolean; content: string }>;
  }>;
  warnings?: Array<{ short: string; startLine: number; endLine: number }>;
}

/** The parse as a record of ../shared/conformance/buildkit-observed. */
export function buildkitRecord(file: string, result: ParseResult): BuildkitRecord {
  const error = result.diagnostics.find(isParserError);
  if (error) return { file, error: upstreamMessage(error) };
  const record: BuildkitRecord = { file, escape: result.tree.escape, instructions: [] };
  const warnings: NonNullable<BuildkitRecord["warnings"]> = [];
  for (const ins of result.tree.instructions) {
    record.instructions!.push({
      dump: dumpInstruction(ins),
      startLine: ins.startLine,
      endLine: ins.endLine,
      original: ins.original,
      flags: ins.flags.map((f) => f.raw),
      json: ins.form === "json",
      ...(ins.heredocs.length
        ? { heredocs: ins.heredocs.map((h) => ({ name: h.name, expand: h.expand, chomp: h.chomp, content: h.content })) }
        : {}),
    });
    if (result.diagnostics.some((d) => d.code === SYNTAX_PROBLEMS.emptyContinuationLine.code && d.range.start.offset === ins.range.start.offset)) {
      warnings.push({ short: "Empty continuation line found in: " + ins.original, startLine: ins.endLine, endLine: ins.endLine });
    }
  }
  if (warnings.length) record.warnings = warnings;
  return record;
}
