// Semantic tokens: what each piece of a Dockerfile is, beyond what a grammar can tell: a stage name
// where it is declared and where FROM or --from uses it, a variable wherever BuildKit or the shell
// expands it, flags, mount options, directives. Shell code itself is left to the editor's grammar.
import type { SemanticTokens, SemanticTokensEdit, SemanticTokensLegend } from "vscode-languageserver-types";
import { readMountFields } from "../syntax/mount-options.js";
import type { Flag, Instruction, Range, SyntaxNode } from "../syntax/tree.js";
import type { DocumentAnalysis } from "./analysis.js";
import { allShellReferences } from "./shell-references.js";

const TYPES = ["keyword", "comment", "parameter", "property", "variable", "string", "number", "operator", "class", "macro", "enumMember"] as const;
const MODIFIERS = ["declaration", "deprecated", "readonly", "defaultLibrary"] as const;
type TokenType = (typeof TYPES)[number];
type Modifier = (typeof MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

interface Token {
  start: number;
  end: number;
  type: TokenType;
  modifiers: number;
}

const mods = (...list: Modifier[]) => list.reduce((m, x) => m | (1 << MODIFIERS.indexOf(x)), 0);

/** The tokens of a document, encoded as LSP's relative integer runs. */
export function semanticTokens(analysis: DocumentAnalysis): number[] {
  const { tree, model, text } = analysis;
  const base: Token[] = [];
  const overlay: Token[] = [];
  const push = (list: Token[], r: Range, type: TokenType, modifiers = 0) => {
    if (r.end.offset > r.start.offset) list.push({ start: r.start.offset, end: r.end.offset, type, modifiers });
  };
  for (const d of tree.directives) {
    push(base, d.nameRange, "macro");
    push(base, d.valueRange, "string");
  }
  const stageRefs = new Set(model.edges.map((e) => e.range.start.offset));
  const stageNameAt = new Map(model.stages.filter((s) => s.nameRange).map((s) => [s.nameRange!.start.offset, s]));
  const visit = (ins: Instruction) => {
    push(base, ins.keyword.range, "keyword", ins.name === "MAINTAINER" ? mods("deprecated") : 0);
    for (const flag of ins.flags) flagTokens(text, flag, stageRefs, base, push);
    if (ins.healthcheckType) push(base, ins.healthcheckType.range, "keyword");
    for (const arg of ins.args) {
      if (arg.kind === "key-value") {
        const isVariable = ins.name === "ARG" || ins.name === "ENV";
        push(base, arg.keyRange, isVariable ? "variable" : "property", isVariable ? mods("declaration") : 0);
        if (arg.valueRange) push(base, arg.valueRange, "string");
      } else if (arg.kind === "json-array") {
        for (const e of arg.elements) push(base, e.range, "string");
      } else if (arg.kind === "word") {
        if (ins.name === "FROM") {
          const stage = stageNameAt.get(arg.range.start.offset);
          if (stage) push(base, arg.range, "class", mods("declaration"));
          else if (arg.value.toLowerCase() === "as" && ins.args.indexOf(arg) === 1) push(base, arg.range, "keyword");
          else if (stageRefs.has(arg.range.start.offset)) push(base, arg.range, "class");
          else push(base, arg.range, "string");
        } else if (ins.name === "EXPOSE") push(base, arg.range, "number");
        else if (!arg.value.startsWith("<<")) push(base, arg.range, "string");
      }
    }
    for (const h of ins.heredocs) {
      push(base, h.markerRange, "operator");
      if (h.terminatorRange) push(base, h.terminatorRange, "operator");
    }
    if (ins.trigger) visit(ins.trigger);
  };
  for (const ins of tree.instructions) visit(ins);
  // Comment lines, between instructions and inside their continuations.
  const comments = (node: SyntaxNode) => {
    if (node.kind === "comment") push(base, node.range, "comment");
    else if (node.kind !== "directive") for (const child of node.children) comments(child);
  };
  comments(tree);
  for (const ref of model.references) {
    push(overlay, ref.range, "variable", ref.declaration?.kind === "automatic" ? mods("readonly", "defaultLibrary") : 0);
  }
  for (const ref of allShellReferences(model, analysis.index)) push(overlay, ref.range, "variable");
  return encode(analysis, merge(base, overlay));
}

function flagTokens(text: string, flag: Flag, stageRefs: Set<number>, out: Token[], push: (l: Token[], r: Range, t: TokenType, m?: number) => void): void {
  push(out, { start: flag.range.start, end: flag.nameRange.end }, "parameter");
  if (!flag.valueRange || flag.value === null) return;
  const written = text.slice(flag.valueRange.start.offset, flag.valueRange.end.offset);
  if (flag.name === "mount" && written === flag.value) {
    // key=value fields: keys as properties, values as strings (the type as an enum member).
    const at = flag.valueRange.start.offset;
    for (const f of readMountFields(flag.value)) {
      const eq = flag.value.indexOf("=", f.start);
      const keyEnd = eq >= 0 && eq < f.end ? eq : f.end;
      out.push({ start: at + f.start, end: at + keyEnd, type: "property", modifiers: 0 });
      if (keyEnd < f.end) out.push({ start: at + keyEnd + 1, end: at + f.end, type: f.key === "type" ? "enumMember" : "string", modifiers: 0 });
    }
    return;
  }
  const isStage = flag.name === "from" && stageRefs.has(flag.valueRange.start.offset);
  push(out, flag.valueRange, isStage ? "class" : "string");
}

// Overlay tokens (variables) cut through the base tokens they fall in; of two tokens that still
// overlap, the first is kept.
function merge(base: Token[], overlay: Token[]): Token[] {
  base.sort((a, b) => a.start - b.start || b.end - a.end);
  overlay.sort((a, b) => a.start - b.start || b.end - a.end);
  const cut: Token[] = [];
  let o = 0;
  for (const t of base) {
    while (o < overlay.length && overlay[o]!.end <= t.start) o++;
    let start = t.start;
    for (let k = o; k < overlay.length && overlay[k]!.start < t.end; k++) {
      const v = overlay[k]!;
      if (v.start > start) cut.push({ ...t, start, end: Math.min(v.start, t.end) });
      start = Math.max(start, v.end);
    }
    if (start < t.end) cut.push({ ...t, start });
  }
  const all = [...cut, ...overlay].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Token[] = [];
  let last = -1;
  for (const t of all) {
    if (t.start < last || t.end <= t.start) continue;
    out.push(t);
    last = t.end;
  }
  return out;
}

// LSP's encoding: per token, line delta, start delta (within a line), length, type, modifiers.
// A token over several lines is cut at each line break, for clients without multi-line tokens.
function encode(analysis: DocumentAnalysis, tokens: Token[]): number[] {
  const data: number[] = [];
  const index = analysis.index;
  const text = analysis.text;
  let prevLine = 0;
  let prevChar = 0;
  for (const t of tokens) {
    let start = t.start;
    while (start < t.end) {
      const pos = index.position(start);
      const nextLine = pos.line + 1 < index.lineCount ? index.offsetAt(pos.line + 1, 0) : text.length;
      let end = Math.min(t.end, nextLine);
      while (end > start && (text[end - 1] === "\n" || text[end - 1] === "\r")) end--;
      if (end > start) {
        data.push(pos.line - prevLine, pos.line === prevLine ? pos.character - prevChar : pos.character, end - start, TYPES.indexOf(t.type), t.modifiers);
        prevLine = pos.line;
        prevChar = pos.character;
      }
      start = nextLine;
    }
  }
  return data;
}

/** The edits turning one token array into another: one edit spanning what differs. */
export function semanticTokensEdits(previous: readonly number[], next: readonly number[]): SemanticTokensEdit[] {
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start++;
  if (start === previous.length && start === next.length) return [];
  let end = 0;
  while (end < previous.length - start && end < next.length - start && previous[previous.length - 1 - end] === next[next.length - 1 - end]) end++;
  // Edits must not cut a token's five integers apart.
  start -= start % 5;
  end -= end % 5;
  return [{ start, deleteCount: previous.length - start - end, data: next.slice(start, next.length - end) }];
}

export type { SemanticTokens };
