// The self-check run on every formatted file, at the cost of parsing only what changed. The file's
// layout around instructions is rebuilt line by line from the tree (directives as written, comment
// lines, blank lines), and an instruction that ends in a finished line reads the same wherever it
// stands, given the escape character. So each changed instruction is parsed again on its own, all of
// them in one document, and must mean what the old one did (instructionChange's rules). A sentinel
// instruction at the end catches a new text that would run into the next line.
import { parse, type ParseResult } from "../syntax/parse.js";
import type { Instruction } from "../syntax/tree.js";
import { instructionChange, type MeaningChange, type MeaningCheck } from "./instruction-change.js";

const SENTINEL = "ARG dflint_format_check_end";

/** The first changed instruction whose new text means something else, or null when all mean the same. */
export function changedInstructionsCheck(
  before: ParseResult,
  changed: ReadonlyArray<{ instruction: Instruction; text: string }>,
  newline: string,
  check: MeaningCheck,
): MeaningChange | null {
  if (changed.length === 0) return null;
  let document = before.tree.escape === "`" ? "# escape=`" + newline : "";
  for (const c of changed) document += c.text + newline;
  document += SENTINEL + newline;
  // Flags are checked in the old text, and kept as written.
  const after = parse(document, { skipFlagChecks: true });
  const known = new Set(before.diagnostics.map((d) => d.code));
  const added = after.diagnostics.find((d) => !known.has(d.code));
  if (added) return { message: `the new text has a problem the old one had not: ${added.message}`, instruction: null };
  const instructions = after.tree.instructions;
  const last = instructions[instructions.length - 1];
  if (instructions.length !== changed.length + 1 || last?.original !== SENTINEL) {
    return { message: "an instruction's new text does not end where the old one did", instruction: null };
  }
  for (let i = 0; i < changed.length; i++) {
    const old = changed[i]!.instruction;
    const why = instructionChange(old, instructions[i]!, check.posixShell.get(old), check);
    if (why) return { message: `${old.name} on line ${old.range.start.line + 1}: ${why}`, instruction: old };
  }
  return null;
}
