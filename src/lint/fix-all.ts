// Fixing a file as `dflint --fix` does: lint, apply the fixes that do not overlap, lint the result
// again, until nothing more applies. One definition for the CLI, the editor and the tests.
import { applyFixes } from "./apply-fixes.js";
import { lint, type LintOptions, type LintResult } from "./engine.js";

export interface FixAllOptions extends LintOptions {
  /** Apply unsafe fixes too (`--unsafe-fixes`). */
  unsafe?: boolean;
}

export interface FixAllResult {
  text: string;
  /** How many findings' fixes were applied, over all passes. */
  fixes: number;
  /** The lint of the fixed text. */
  result: LintResult;
}

// Each pass applies at least one fix and fixes only shrink the set of findings in practice; the cap
// guards against two rules that undo each other.
const MAX_FIX_PASSES = 10;

/** The text with its fixes applied, pass after pass, and its final lint; `linted` is the lint of `text` when the caller has it. */
export function fixAll(text: string, options: FixAllOptions = {}, linted?: LintResult): FixAllResult {
  const { unsafe = false, ...lintOptions } = options;
  let result = linted ?? lint(text, lintOptions);
  let fixes = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const next = applyFixes(text, result.findings, { unsafe });
    if (next.applied === 0 || next.text === text) break;
    fixes += next.applied;
    text = next.text;
    result = lint(text, lintOptions);
  }
  return { text, fixes, result };
}
