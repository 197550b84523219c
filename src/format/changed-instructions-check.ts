// The self-check run on every formatted file, at the cost of reading again only what changed. The file's
// layout around instructions is rebuilt line by line from the tree (directives as written, comment
// lines, blank lines), and an instruction that ends in a finished line reads the same wherever it
// stands, given the escape character. So each changed instruction is read again on its own, all of
// them in one document, by the parser's lexer and line parsers, and must mean what the old one did
// (instructionChange). A sentinel instruction at the end catches a new text that would run into the
// next line.
import type { ParseResult } from "../syntax/parse.js";
import { scan, type ScannedInstruction } from "../syntax/scan.js";
import type { SplitProblem } from "../syntax/split-instruction.js";
import { SYNTAX_PROBLEMS } from "../syntax/syntax-problems.js";
import type { Instruction } from "../syntax/tree.js";
import { instructionChange, type MeaningChange, type MeaningCheck } from "./instruction-change.js";
import type { CommandSeparators } from "./shell-spacing.js";

const SENTINEL = "ARG dflint_format_check_end";

// The parser's codes for what the line parsers find (parse.ts reports them the same way).
const SPLIT_PROBLEM_CODES: Record<SplitProblem["kind"], string> = {
  "json-non-string": SYNTAX_PROBLEMS.jsonNotStrings.code,
  "json-invalid": SYNTAX_PROBLEMS.jsonInvalid.code,
  "missing-value": SYNTAX_PROBLEMS.missingValue.code,
  "missing-equals": SYNTAX_PROBLEMS.missingEquals.code,
};

/** The first changed instruction whose new text means something else, or null when all mean the same. */
export function changedInstructionsCheck(
  before: ParseResult,
  changed: ReadonlyArray<{ instruction: Instruction; text: string; separators: CommandSeparators | null }>,
  newline: string,
  check: MeaningCheck,
): MeaningChange | null {
  if (changed.length === 0) return null;
  let document = before.tree.escape === "`" ? "# escape=`" + newline : "";
  for (const c of changed) document += c.text + newline;
  document += SENTINEL + newline;
  const scanned = scan(document);
  // The old file had no errors; any problem in the new text is one it did not have.
  const problem = scanned.problems[0];
  if (problem) return { message: `the new text has a problem the old one had not: ${problem.message}`, instruction: null };
  const known = new Set(before.diagnostics.map((d) => d.code));
  const instructions: ScannedInstruction[] = [];
  for (const item of scanned.items) if (item.kind === "instruction") instructions.push(item.instruction);
  const last = instructions[instructions.length - 1];
  if (instructions.length !== changed.length + 1 || last?.line !== SENTINEL) {
    return { message: "an instruction's new text does not end where the old one did", instruction: null };
  }
  for (let i = 0; i < changed.length; i++) {
    const old = changed[i]!.instruction;
    const now = instructions[i]!;
    const where = `${old.name} on line ${old.range.start.line + 1}`;
    const added = now.split.problems.find((p) => !known.has(SPLIT_PROBLEM_CODES[p.kind]));
    if (added) return { message: `${where}: the new text has a problem the old one had not: ${added.message}`, instruction: old };
    if (now.hasEmptyContinuation && !known.has(SYNTAX_PROBLEMS.emptyContinuationLine.code)) {
      return { message: `${where}: the new text has an empty continuation line`, instruction: old };
    }
    const why = instructionChange(old, now, check.posixShell.get(old), check, changed[i]!.separators ?? undefined);
    if (why) return { message: `${where}: ${why}`, instruction: old };
  }
  return null;
}
