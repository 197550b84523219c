// Go to definition, find references and document highlight, for stages, ARG/ENV variables and
// heredoc delimiters (see symbol-at.ts).
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from "vscode-languageserver-types";
import type { DocumentAnalysis } from "./analysis.js";
import { lspRange, offsetOf } from "./locate.js";
import { occurrences, symbolAt } from "./symbol-at.js";

/** Where the symbol at a position is declared (the stage's name, the variable's ARG or ENV). */
export function definition(analysis: DocumentAnalysis, position: Position): Location[] {
  const offset = offsetOf(analysis, position);
  const found = offset === null ? null : symbolAt(analysis, offset);
  if (!found) return [];
  if (found.target.kind === "stage" && !found.target.stage.nameRange) {
    return [{ uri: analysis.uri, range: lspRange(found.target.stage.from.keyword.range) }]; // `--from=0`: the stage's FROM
  }
  return occurrences(analysis, found.target)
    .filter((o) => o.isDeclaration)
    .map((o) => ({ uri: analysis.uri, range: lspRange(o.range) }));
}

/** Every place the symbol at a position is written. */
export function references(analysis: DocumentAnalysis, position: Position, includeDeclaration: boolean): Location[] {
  const offset = offsetOf(analysis, position);
  const found = offset === null ? null : symbolAt(analysis, offset);
  if (!found) return [];
  return occurrences(analysis, found.target)
    .filter((o) => includeDeclaration || !o.isDeclaration)
    .map((o) => ({ uri: analysis.uri, range: lspRange(o.range) }));
}

/** The symbol's occurrences, declarations as writes. */
export function documentHighlights(analysis: DocumentAnalysis, position: Position): DocumentHighlight[] {
  const offset = offsetOf(analysis, position);
  const found = offset === null ? null : symbolAt(analysis, offset);
  if (!found) return [];
  return occurrences(analysis, found.target).map((o) => ({
    range: lspRange(o.range),
    kind: o.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
