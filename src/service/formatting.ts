// Formatting through the formatter (src/format): the whole document as one edit, or the
// instructions a range touches, each replaced by its formatted text. The project's `format:`
// settings win over the editor's indentation, as a project's style should.
import type { FormattingOptions, Range as LspRange, TextEdit } from "vscode-languageserver-types";
import type { FormatOptions } from "../format/format-options.js";
import { format } from "../format/format.js";
import { parse } from "../syntax/parse.js";
import type { DocumentAnalysis } from "./analysis.js";
import { minimalEdit } from "./code-actions.js";
import { lspRange, offsetOf } from "./locate.js";

function options(analysis: DocumentAnalysis, editor: FormattingOptions): FormatOptions {
  const project = analysis.settings.format ?? {};
  const indent = editor.insertSpaces === false ? "tab" : editor.tabSize;
  return { ...(indent !== undefined ? { indent } : {}), ...project };
}

/** The edit formatting the whole document; none when it is formatted already or cannot be formatted safely. */
export function formatDocument(analysis: DocumentAnalysis, editor: FormattingOptions): TextEdit[] {
  const result = format(analysis.text, options(analysis, editor));
  return result.changed && result.text !== analysis.text ? [minimalEdit(analysis, result.text)] : [];
}

/** Edits formatting the instructions a range touches; the rest of the file is left as it is. */
export function formatRange(analysis: DocumentAnalysis, range: LspRange, editor: FormattingOptions): TextEdit[] {
  const from = offsetOf(analysis, range.start);
  const to = offsetOf(analysis, range.end) ?? analysis.text.length;
  if (from === null) return [];
  const result = format(analysis.text, options(analysis, editor));
  if (!result.changed) return [];
  const before = analysis.tree.instructions;
  const after = parse(result.text).tree.instructions;
  // The formatter keeps every instruction; pairing them by position needs the same count.
  if (before.length !== after.length) return [];
  const edits: TextEdit[] = [];
  before.forEach((ins, i) => {
    if (ins.range.end.offset < from || ins.range.start.offset > to) return;
    const old = analysis.text.slice(ins.range.start.offset, ins.range.end.offset);
    const formatted = result.text.slice(after[i]!.range.start.offset, after[i]!.range.end.offset);
    if (old !== formatted) edits.push({ range: lspRange(ins.range), newText: formatted });
  });
  return edits;
}
