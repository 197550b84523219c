// Inlay hints: the value of build arguments where the file (or a --build-arg setting) makes it
// known: after each `$ARG` BuildKit or the shell expands, after an `ARG NAME` that takes its value
// from elsewhere, and the whole image a FROM with variables expands to.
import type { InlayHint, Range as LspRange } from "vscode-languageserver-types";
import type { Declaration } from "../model/model.js";
import type { Range } from "../syntax/tree.js";
import type { DocumentAnalysis } from "./analysis.js";
import { offsetOf } from "./locate.js";
import { allShellReferences } from "./shell-references.js";

const MAX_LABEL = 40;
const ARG_KINDS = new Set(["global-arg", "arg", "automatic", "build-arg"]);

/** The hints within a range. */
export function inlayHints(analysis: DocumentAnalysis, range: LspRange): InlayHint[] {
  const from = offsetOf(analysis, range.start) ?? 0;
  const to = offsetOf(analysis, range.end) ?? analysis.text.length;
  const { model } = analysis;
  const out: InlayHint[] = [];
  const inRange = (r: Range) => r.end.offset >= from && r.start.offset <= to;
  const hint = (at: Range, value: string, tooltip: string) => {
    const shown = value.length > MAX_LABEL ? value.slice(0, MAX_LABEL - 1) + "…" : value;
    out.push({ position: { line: at.end.line, character: at.end.character }, label: `= ${shown === "" ? '""' : shown}`, paddingLeft: true, tooltip });
  };
  const wholeImage = new Set<Range>();
  for (const stage of model.stages) {
    const range = stage.baseRange;
    if (!range || !inRange(range) || !analysis.text.slice(range.start.offset, range.end.offset).includes("$")) continue;
    wholeImage.add(range);
    hint(range, stage.baseText, "The image this FROM expands to.");
  }
  const isInImage = (r: Range) => [...wholeImage].some((w) => w.start.offset <= r.start.offset && r.end.offset <= w.end.offset);
  const valueOf = (d: Declaration | null) => (d && ARG_KINDS.has(d.kind) && d.value !== null ? d.value : null);
  for (const ref of [...model.references, ...allShellReferences(model, analysis.index)]) {
    const value = valueOf(ref.declaration);
    if (value === null || !inRange(ref.range) || isInImage(ref.range)) continue;
    hint(ref.range, value, `The value of ${ref.name} here.`);
  }
  for (const d of model.declarations) {
    if (d.kind !== "arg" || d.rawValue !== null || d.value === null || !d.nameRange || !inRange(d.nameRange)) continue;
    hint(d.nameRange, d.value, d.inherits ? `Taken from the ${d.inherits.kind === "automatic" ? "predefined" : "global"} ${d.name}.` : "Given as a build argument.");
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
