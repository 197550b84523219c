// Code actions: each finding's fix as a quick fix, "fix all safe problems", and pragmas that
// ignore a rule for one instruction or for the whole file. Fix-all on request (source.fixAll)
// runs the same passes as `dflint --fix`.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range as LspRange, type TextEdit as LspTextEdit } from "vscode-languageserver-types";
import { applyFixes } from "../lint/apply-fixes.js";
import type { Finding } from "../lint/engine.js";
import { fixAll } from "../lint/fix-all.js";
import { findRule } from "../lint/registry.js";
import type { TextEdit } from "../lint/rule.js";
import type { Dockerfile } from "../syntax/tree.js";
import type { DocumentAnalysis } from "./analysis.js";
import { PRAGMA } from "./directive-docs.js";
import { instructionAt } from "../syntax/instruction-at.js";
import { lineEndOffset, offsetOf } from "./locate.js";

export const FIX_ALL_KIND = CodeActionKind.SourceFixAll + ".dflint";

export interface CodeActionRequest {
  range: LspRange;
  /** The client's diagnostics in the range, attached to the actions that resolve them. */
  diagnostics?: Diagnostic[];
  /** Kinds the client asks for; all when absent. */
  only?: string[];
}

/** The code actions for a range of a document. */
export function codeActions(analysis: DocumentAnalysis, request: CodeActionRequest): CodeAction[] {
  if (analysis.isTooLargeToLint) return [];
  const wants = (kind: string) => !request.only || request.only.some((k) => kind === k || kind.startsWith(k + "."));
  const actions: CodeAction[] = [];
  // Quick fixes while typing come from the provisional findings the editor shows; fix-all lints the whole file.
  const { findings } = analysis.findings(true);
  if (wants(FIX_ALL_KIND) && request.only) {
    const all = fixAllAction(analysis);
    if (all) actions.push(all);
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;
  const start = offsetOf(analysis, request.range.start);
  const end = offsetOf(analysis, request.range.end);
  if (start === null || end === null) return actions;
  const here = findings.filter((f) => f.range.start.offset <= end && start <= f.range.end.offset);
  const canIgnore = !analysis.settings.lint.disableIgnorePragma;
  const ignoredHere = new Set<string>();
  for (const f of here) {
    const diagnostic = request.diagnostics?.filter((d) => d.code === f.code && sameRange(d.range, f));
    const attach = diagnostic?.length ? { diagnostics: diagnostic } : {};
    if (f.fix) {
      const rule = findRule(f.code);
      const what = rule ? rule.docs.summary.replace(/\.$/, "") : f.message;
      actions.push({
        title: `${what} (${f.code})${f.fix.safety === "unsafe" ? ": may change what is built" : ""}`,
        kind: CodeActionKind.QuickFix,
        ...attach,
        isPreferred: f.fix.safety === "safe",
        edit: { changes: { [analysis.uri]: f.fix.edits.map((e) => lspEdit(analysis, e)) } },
      });
    }
    if (!canIgnore || ignoredHere.has(f.code)) continue;
    ignoredHere.add(f.code);
    const line = ignoreOnLine(analysis, f);
    if (line) actions.push({ title: `Ignore ${f.code} for this instruction`, kind: CodeActionKind.QuickFix, ...attach, edit: { changes: { [analysis.uri]: [lspEdit(analysis, line)] } } });
    actions.push({ title: `Ignore ${f.code} in this file`, kind: CodeActionKind.QuickFix, ...attach, edit: { changes: { [analysis.uri]: [lspEdit(analysis, ignoreInFile(analysis, f.code))] } } });
  }
  if (here.some((f) => f.fix?.safety === "safe")) {
    const once = applyFixes(analysis.text, findings, { unsafe: false });
    if (once.applied > 1) {
      actions.push({
        title: `Fix all safe problems (${once.applied})`,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [analysis.uri]: [minimalEdit(analysis, once.text)] } },
      });
    }
  }
  return actions;
}

/** Every safe fix, pass after pass as `dflint --fix` applies them, as one edit. */
function fixAllAction(analysis: DocumentAnalysis): CodeAction | null {
  const linted = analysis.lint();
  if (!linted.findings.some((f) => f.fix?.safety === "safe")) return null;
  const settings = analysis.settings;
  const fixed = fixAll(analysis.text, { settings: settings.lint, analyze: { target: settings.target, platform: settings.platform } }, linted);
  if (fixed.text === analysis.text) return null;
  return { title: `Fix all safe problems (${fixed.fixes})`, kind: FIX_ALL_KIND, edit: { changes: { [analysis.uri]: [minimalEdit(analysis, fixed.text)] } } };
}

function sameRange(r: LspRange, f: Finding): boolean {
  const s = f.range.start;
  const e = f.range.end;
  return r.start.line === s.line && r.start.character === s.character && r.end.line === e.line && r.end.character === e.character;
}

function lspEdit(analysis: DocumentAnalysis, e: TextEdit): LspTextEdit {
  const { start, end } = analysis.index.range(e.start, e.end);
  return { range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } }, newText: e.text };
}

/** One edit turning the text into `next`: the part between their common prefix and suffix. */
export function minimalEdit(analysis: DocumentAnalysis, next: string): LspTextEdit {
  const text = analysis.text;
  let start = 0;
  while (start < text.length && start < next.length && text[start] === next[start]) start++;
  let end = 0;
  while (end < text.length - start && end < next.length - start && text[text.length - 1 - end] === next[next.length - 1 - end]) end++;
  return lspEdit(analysis, { start, end: text.length - end, text: next.slice(start, next.length - end) });
}

function newline(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

// A pragma binds to the instruction on the next line (hadolint's rule): extend one that is already
// there, or add one above the instruction with its indentation.
function ignoreOnLine(analysis: DocumentAnalysis, f: Finding): TextEdit | null {
  const ins = instructionAt(analysis.tree, f.range.start.offset);
  if (!ins) return null;
  const line = ins.range.start.line;
  const lineStart = analysis.index.offsetAt(line, 0);
  if (line > 0) {
    const above = analysis.index.offsetAt(line - 1, 0);
    const extended = extendPragma(analysis.text.slice(above, lineEndOffset(analysis, line - 1)), above, f.code, false);
    if (extended !== undefined) return extended;
  }
  const indent = analysis.text.slice(lineStart, ins.range.start.offset);
  return { start: lineStart, end: lineStart, text: `${/^[ \t]*$/.test(indent) ? indent : ""}# dflint ignore=${f.code}${newline(analysis.text)}` };
}

// A global pragma goes after the parser directives, which must stay the file's first lines.
function ignoreInFile(analysis: DocumentAnalysis, code: string): TextEdit {
  const tree = analysis.tree;
  for (const node of tree.children) {
    if (node.kind !== "comment") continue;
    const extended = extendPragma(analysis.text.slice(node.range.start.offset, node.range.end.offset), node.range.start.offset, code, true);
    if (extended) return extended;
  }
  const at = afterDirectives(tree, analysis);
  return { start: at, end: at, text: `# dflint global ignore=${code}${newline(analysis.text)}` };
}

function afterDirectives(tree: Dockerfile, analysis: DocumentAnalysis): number {
  const last = tree.directives[tree.directives.length - 1];
  if (!last) return tree.hasBom ? 1 : 0;
  const line = last.range.end.line + 1;
  return line < analysis.index.lineCount ? analysis.index.offsetAt(line, 0) : analysis.text.length;
}

/** Adds a code to a pragma comment of the wanted kind: an edit, null when it already lists the code, undefined when it is no such pragma. */
function extendPragma(line: string, lineOffset: number, code: string, global: boolean): TextEdit | null | undefined {
  const m = PRAGMA.exec(line);
  if (!m || /\bglobal\b/.test(m[1]!) !== global) return undefined;
  const codes = m[2]!.trimEnd();
  if (codes.split(",").some((c) => c.trim().toUpperCase() === code)) return null;
  const at = lineOffset + m[1]!.length + codes.length;
  return { start: at, end: at, text: codes.length ? `,${code}` : code };
}
