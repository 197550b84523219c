// What the BuildKit checks share: ranges inside nodes, the chain of stages a stage is built on, and
// expansion of a word with the values the model knows.
import type { Model, Stage } from "../../../model/model.js";
import { expandWord, expandWords } from "../../../model/expand.js";
import { findVariableReferences } from "../../../model/variable-references.js";
import { LineIndex } from "../../../syntax/line-index.js";
import type { Instruction, Range, SyntaxNode } from "../../../syntax/tree.js";
import { sourceOffset, valueRuns } from "../../../syntax/value-offsets.js";

// One index for the text being linted; every check of a lint asks about the same text.
let cached: { text: string; index: LineIndex } | null = null;

/** The range of source offsets [start, end) in `text`. */
export function rangeAt(text: string, start: number, end: number): Range {
  if (!cached || cached.text !== text) cached = { text, index: new LineIndex(text) };
  return cached.index.range(start, end);
}

/** Source offsets of [start, end) in a node's value (its text leaves joined, continuations skipped). */
export function valueSpan(node: SyntaxNode, start: number, end: number): { start: number; end: number } {
  const runs = valueRuns(node);
  if (runs.length === 0) return { start: node.range.start.offset, end: node.range.end.offset };
  const from = sourceOffset(runs, start);
  return { start: from, end: Math.max(from, sourceOffset(runs, end, true)) };
}

/** The source range of [start, end) in a node's value. */
export function valueRange(text: string, node: SyntaxNode, start: number, end: number): Range {
  const span = valueSpan(node, start, end);
  return rangeAt(text, span.start, span.end);
}

/** True when a comment line sits inside the node (between continued lines); a rewrite would drop it. */
export function holdsComment(node: SyntaxNode): boolean {
  if (node.kind === "comment") return true;
  return node.children.some(holdsComment);
}

/** The stages a stage is built on (FROM <stage>), nearest first. */
export function ancestors(stage: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<Stage>([stage]);
  for (let s = stage.parent; s && !seen.has(s); s = s.parent) {
    out.push(s);
    seen.add(s);
  }
  return out;
}

/** True when the stage's chain of bases ends in `scratch`, so its whole environment is in the file. */
export function isRootedInScratch(stage: Stage): boolean {
  const chain = [stage, ...ancestors(stage)];
  const root = chain[chain.length - 1]!;
  return root.base.kind === "scratch";
}

// The values of the variables a word uses, or null when one of them is not decided by the file.
function knownValues(model: Model, ins: Instruction, word: string, escape: "\\" | "`"): Map<string, string> | null {
  const values = new Map<string, string>();
  if (!word.includes("$")) return values;
  const scope = model.scopeAt(ins);
  for (const ref of findVariableReferences(word, { escape, quotes: true })) {
    const value = scope.get(ref.name)?.value ?? null;
    if (value === null) return null;
    values.set(ref.name, value);
  }
  return values;
}

/**
 * The word expanded as BuildKit would at `ins`, or null when it uses a variable whose value the file
 * does not decide (unset, or possibly from the base image) or cannot be expanded.
 */
export function expandKnown(model: Model, ins: Instruction, word: string, escape: "\\" | "`"): string | null {
  const values = knownValues(model, ins, word, escape);
  if (!values) return null;
  const r = expandWord(word, values, { escape });
  return r.ok ? r.value : null;
}

/** As expandKnown, split into words as EXPOSE does (BuildKit's ProcessWords). */
export function expandKnownWords(model: Model, ins: Instruction, word: string, escape: "\\" | "`"): string[] | null {
  const values = knownValues(model, ins, word, escape);
  if (!values) return null;
  const r = expandWords(word, values, { escape });
  return r.ok ? r.words : null;
}

/** The top-level instructions of every stage (ONBUILD triggers run in another build and are left out). */
export function* stageInstructions(model: Model): Generator<{ stage: Stage; ins: Instruction }> {
  for (const stage of model.stages) for (const ins of stage.instructions) yield { stage, ins };
}
