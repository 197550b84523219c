// The named things a position can be on (a stage, an ARG or ENV variable, a heredoc delimiter) and
// every place each is written. Highlight, go-to-definition, references and rename all read this.
//
// A variable is the family of declarations one rename must move together: an ARG or ENV name is
// one variable within a stage (a later `ENV A=...` continues the same name), the global ARGs of a
// name are one, and a stage's `ARG NAME` without a default takes the global one's value, so it
// joins it. References join the declaration they resolve to.
import type { Declaration, Model, Stage } from "../model/model.js";
import { readMountFields } from "../syntax/mount-options.js";
import type { Flag, Heredoc, Instruction, Range } from "../syntax/tree.js";
import type { DocumentAnalysis } from "./analysis.js";
import { contains, innermostInstructionAt } from "./locate.js";
import { allShellReferences, shellReferences } from "./shell-references.js";

export type SymbolTarget =
  | { kind: "stage"; stage: Stage }
  | { kind: "variable"; name: string; family: ReadonlySet<Declaration> }
  | { kind: "heredoc"; instruction: Instruction; heredoc: Heredoc };

export interface Occurrence {
  range: Range;
  isDeclaration: boolean;
  /** Whether the text at `range` is exactly the name, so a rename can replace it. */
  canRename: boolean;
}

/** The symbol at an offset, and the range of its name there. */
export function symbolAt(analysis: DocumentAnalysis, offset: number): { target: SymbolTarget; range: Range } | null {
  const model = analysis.model;
  for (const ref of model.references) {
    if (contains(ref.nameRange, offset) || contains(ref.range, offset)) {
      if (ref.declaration) return { target: variable(model, ref.declaration), range: ref.nameRange };
    }
  }
  for (const d of model.declarations) {
    if (d.nameRange && contains(d.nameRange, offset)) return { target: variable(model, d), range: d.nameRange };
  }
  for (const stage of model.stages) {
    if (stage.nameRange && contains(stage.nameRange, offset)) return { target: { kind: "stage", stage }, range: stage.nameRange };
  }
  const ins = innermostInstructionAt(analysis.tree, offset);
  if (!ins) return null;
  for (const ref of shellReferences(ins, model, analysis.index)) {
    if (ref.declaration && (contains(ref.nameRange, offset) || contains(ref.range, offset))) return { target: variable(model, ref.declaration), range: ref.nameRange };
  }
  for (const edge of model.edges) {
    if (edge.instruction !== ins) continue;
    const range = edge.kind === "from" ? edge.range : stageValueRange(analysis, edge.instruction, edge.range, edge.kind === "mount-from");
    if (range && contains(range, offset)) return { target: { kind: "stage", stage: edge.to }, range };
  }
  for (const h of ins.heredocs) {
    const { marker, terminator } = heredocNameRanges(analysis, h);
    for (const range of [marker, terminator]) {
      if (range && contains(range, offset)) return { target: { kind: "heredoc", instruction: ins, heredoc: h }, range };
    }
  }
  return null;
}

/** Every place the symbol is written, declarations first. */
export function occurrences(analysis: DocumentAnalysis, target: SymbolTarget): Occurrence[] {
  const model = analysis.model;
  const out: Occurrence[] = [];
  if (target.kind === "stage") {
    const { stage } = target;
    if (stage.nameRange) out.push({ range: stage.nameRange, isDeclaration: true, canRename: true });
    for (const edge of model.edges) {
      if (edge.to !== stage) continue;
      const range = edge.kind === "from" ? edge.range : stageValueRange(analysis, edge.instruction, edge.range, edge.kind === "mount-from");
      if (!range) continue;
      const written = analysis.text.slice(range.start.offset, range.end.offset);
      // `FROM ${BASE}` and `--from=1` reach the stage without naming it.
      out.push({ range, isDeclaration: false, canRename: stage.name !== null && written.toLowerCase() === stage.name });
    }
  } else if (target.kind === "variable") {
    for (const d of target.family) if (d.nameRange) out.push({ range: d.nameRange, isDeclaration: true, canRename: true });
    for (const ref of model.references) {
      if (ref.declaration && target.family.has(ref.declaration)) out.push({ range: ref.nameRange, isDeclaration: false, canRename: true });
    }
    for (const ref of allShellReferences(model, analysis.index)) {
      if (ref.declaration && target.family.has(ref.declaration)) out.push({ range: ref.nameRange, isDeclaration: false, canRename: true });
    }
    out.sort((a, b) => Number(b.isDeclaration) - Number(a.isDeclaration) || a.range.start.offset - b.range.start.offset);
  } else {
    const { marker, terminator } = heredocNameRanges(analysis, target.heredoc);
    if (marker) out.push({ range: marker, isDeclaration: true, canRename: true });
    if (terminator) out.push({ range: terminator, isDeclaration: false, canRename: true });
  }
  return out;
}

/** The declarations that are one variable with `decl` (see the top of this file). */
export function variable(model: Model, decl: Declaration): SymbolTarget {
  const family = new Set<Declaration>();
  const pending = [decl];
  while (pending.length) {
    const d = pending.pop()!;
    if (family.has(d)) continue;
    family.add(d);
    for (const other of model.declarations) {
      if (other.name !== d.name || family.has(other)) continue;
      const sameScope = other.stage === d.stage && (other.stage !== null || (other.kind === "global-arg" && d.kind === "global-arg"));
      if (sameScope || other.inherits === d || d.inherits === other) pending.push(other);
    }
    if (d.inherits && !family.has(d.inherits)) pending.push(d.inherits);
  }
  return { kind: "variable", name: decl.name, family };
}

// The stage name inside `--from=NAME` or a mount's `from=NAME`, when the source spells it plainly.
function stageValueRange(analysis: DocumentAnalysis, ins: Instruction, valueRange: Range, isMount: boolean): Range | null {
  const flag = ins.flags.find((f: Flag) => f.valueRange === valueRange || (f.valueRange && f.valueRange.start.offset === valueRange.start.offset));
  if (!flag || flag.value === null || !flag.valueRange) return null;
  const written = analysis.text.slice(flag.valueRange.start.offset, flag.valueRange.end.offset);
  if (written !== flag.value) return null; // quoted or escaped: leave it alone
  if (!isMount) return flag.valueRange;
  const field = readMountFields(flag.value).find((f) => f.key === "from" && f.value);
  if (!field) return null;
  const eq = flag.value.indexOf("=", field.start);
  const start = flag.valueRange.start.offset + eq + 1;
  return analysis.index.range(start, start + field.value!.length);
}

/** The delimiter's name in the heredoc's marker (`<<-"EOF"`) and in its terminator line. */
export function heredocNameRanges(analysis: DocumentAnalysis, h: Heredoc): { marker: Range | null; terminator: Range | null } {
  if (!h.name) return { marker: null, terminator: null };
  const markerText = analysis.text.slice(h.markerRange.start.offset, h.markerRange.end.offset);
  const at = markerText.lastIndexOf(h.name);
  const marker = at >= 0 ? analysis.index.range(h.markerRange.start.offset + at, h.markerRange.start.offset + at + h.name.length) : null;
  let terminator: Range | null = null;
  if (h.terminatorRange) {
    // `<<-` strips leading tabs from the terminator line.
    const line = analysis.text.slice(h.terminatorRange.start.offset, h.terminatorRange.end.offset);
    const start = h.terminatorRange.start.offset + (line.length - line.replace(/^\t+/, "").length);
    if (analysis.text.startsWith(h.name, start)) terminator = analysis.index.range(start, start + h.name.length);
  }
  return { marker, terminator };
}
