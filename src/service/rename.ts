// Rename for stages, ARG/ENV variables and heredoc delimiters. A rename that would change what is
// built is refused with the reason: an invalid name, one that another stage, variable or image
// already uses, or a place that reaches the symbol without spelling its name.
import type { Range as LspRange, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import { BUILDKIT_ARGS, platformArgs, PROXY_ARGS } from "../model/automatic-args.js";
import type { Stage } from "../model/model.js";
import type { DocumentAnalysis } from "./analysis.js";
import { lspRange, offsetOf } from "./locate.js";
import { allShellReferences } from "./shell-references.js";
import { occurrences, symbolAt, type SymbolTarget } from "./symbol-at.js";

export type RenameResult = { ok: true; edit: WorkspaceEdit } | { ok: false; error: string };
export type PrepareRenameResult = { ok: true; range: LspRange; placeholder: string } | { ok: false; error: string } | null;

const STAGE_NAME = /^[a-zA-Z][a-zA-Z0-9\-_.]*$/;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DELIMITER = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
// BuildKit gives these stage names their own meaning (see DL3063).
const RESERVED_STAGES = new Set(["scratch", "context"]);
const PREDEFINED = new Set([...platformArgs("linux/amd64", "linux/amd64").keys(), ...BUILDKIT_ARGS, ...PROXY_ARGS]);

/** Whether the symbol at a position can be renamed, and the range of its name. */
export function prepareRename(analysis: DocumentAnalysis, position: { line: number; character: number }): PrepareRenameResult {
  const offset = offsetOf(analysis, position);
  const found = offset === null ? null : symbolAt(analysis, offset);
  if (!found) return null;
  const refusal = cannotRename(analysis, found.target);
  if (refusal) return { ok: false, error: refusal };
  return { ok: true, range: lspRange(found.range), placeholder: analysis.text.slice(found.range.start.offset, found.range.end.offset) };
}

/** The edits renaming the symbol at a position, or why it cannot be. */
export function rename(analysis: DocumentAnalysis, position: { line: number; character: number }, newName: string): RenameResult {
  const offset = offsetOf(analysis, position);
  const found = offset === null ? null : symbolAt(analysis, offset);
  if (!found) return { ok: false, error: "There is no stage, variable or heredoc delimiter here to rename." };
  const { target } = found;
  const refusal = cannotRename(analysis, target) ?? invalidName(analysis, target, newName);
  if (refusal) return { ok: false, error: refusal };
  const edits: TextEdit[] = occurrences(analysis, target)
    .filter((o) => o.canRename)
    .map((o) => ({ range: lspRange(o.range), newText: newName }));
  return { ok: true, edit: { changes: { [analysis.uri]: edits } } };
}

function cannotRename(analysis: DocumentAnalysis, target: SymbolTarget): string | null {
  if (target.kind === "stage") {
    if (!target.stage.nameRange) return "This stage has no name to rename; give it one with AS.";
    const indirect = occurrences(analysis, target).find((o) => !o.canRename && !/^\d+$/.test(analysis.text.slice(o.range.start.offset, o.range.end.offset)));
    if (indirect) return `Line ${indirect.range.start.line + 1} reaches this stage through a variable; renaming would break it.`;
  }
  if (target.kind === "variable") {
    for (const d of target.family) {
      if (d.kind === "automatic") return `'${d.name}' is predefined by BuildKit and cannot be renamed.`;
      if (d.kind === "build-arg") return `'${d.name}' comes from a build argument, not from this file.`;
    }
  }
  return null;
}

function invalidName(analysis: DocumentAnalysis, target: SymbolTarget, name: string): string | null {
  const model = analysis.model;
  if (target.kind === "stage") {
    if (!STAGE_NAME.test(name)) return `'${name}' is not a valid stage name: it must start with a letter and hold only letters, digits, '-', '_' and '.'.`;
    const lower = name.toLowerCase();
    if (RESERVED_STAGES.has(lower)) return `'${name}' is reserved by BuildKit and cannot name a stage.`;
    const other = model.stagesByName.get(lower);
    if (other && other !== target.stage) return `Stage '${other.nameAsWritten}' on line ${other.from.range.start.line + 1} already has that name.`;
    const image = usesAsImage(model.stages, lower);
    if (image !== null) return `Line ${image} uses '${name}' as an image; naming a stage so would make it build that stage instead.`;
    return null;
  }
  if (target.kind === "variable") {
    if (!VARIABLE_NAME.test(name)) return `'${name}' is not a valid variable name: use letters, digits and '_', not starting with a digit.`;
    if (name === target.name) return null;
    if (PREDEFINED.has(name)) return `'${name}' is predefined by BuildKit.`;
    const stages = new Set([...target.family].map((d) => d.stage));
    const clash = model.declarations.find((d) => d.name === name && stages.has(d.stage));
    if (clash) return `'${name}' is already declared on line ${clash.nameRange ? clash.nameRange.start.line + 1 : "?"}.`;
    const used = [...model.references, ...allShellReferences(model, analysis.index)].find((r) => r.name === name && stages.has(model.stageOf(r.instruction)));
    if (used) return `'${name}' is already used on line ${used.range.start.line + 1}; renaming would capture it.`;
    return null;
  }
  if (!DELIMITER.test(name)) return `'${name}' is not a good heredoc delimiter: use letters, digits, '_', '.' and '-'.`;
  const body = target.heredoc.content.split(/\r?\n|\r/);
  if (body.some((line) => (target.heredoc.chomp ? line.replace(/^\t+/, "") : line) === name)) return `The heredoc's body has a line '${name}', which would end it early.`;
  return null;
}

// The line of a FROM or --from that names an image (not a stage) spelled like `name`.
function usesAsImage(stages: readonly Stage[], name: string): number | null {
  for (const stage of stages) {
    if (stage.base.kind === "image" && stage.baseText.toLowerCase() === name) return stage.from.range.start.line + 1;
    for (const ins of stage.instructions) {
      const from = ins.flags.find((f) => f.name === "from");
      if (from?.value?.toLowerCase() === name && (ins.name === "COPY" || ins.name === "ADD")) return ins.range.start.line + 1;
    }
  }
  return null;
}
