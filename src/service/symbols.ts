// Document symbols: each stage, with its instructions as children (and ARG/ENV/LABEL names under
// theirs); global ARGs and parser directives at the top. Clients without hierarchical symbols get
// the same list flattened, each with its stage as container.
import { SymbolKind, SymbolTag, type DocumentSymbol, type SymbolInformation } from "vscode-languageserver-types";
import type { Stage } from "../model/model.js";
import type { Instruction, Range } from "../syntax/tree.js";
import type { DocumentAnalysis } from "./analysis.js";
import { lspRange } from "./locate.js";

const KIND: Record<string, SymbolKind> = {
  ARG: SymbolKind.Variable,
  ENV: SymbolKind.Variable,
  LABEL: SymbolKind.Property,
  EXPOSE: SymbolKind.Interface,
  WORKDIR: SymbolKind.Namespace,
  USER: SymbolKind.Object,
  COPY: SymbolKind.File,
  ADD: SymbolKind.File,
  VOLUME: SymbolKind.Package,
  SHELL: SymbolKind.Operator,
  ONBUILD: SymbolKind.Event,
};

const MAX_DETAIL = 80;

/** The outline: stages holding their instructions. */
export function documentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  const { model, tree } = analysis;
  const out: DocumentSymbol[] = [];
  for (const d of tree.directives) {
    out.push({ name: `# ${d.name}`, detail: d.value, kind: SymbolKind.Property, range: lspRange(d.range), selectionRange: lspRange(d.nameRange) });
  }
  for (const ins of tree.instructions) {
    if (model.stageOf(ins) === null && ins.name !== "FROM") out.push(instructionSymbol(ins));
  }
  for (const stage of model.stages) out.push(stageSymbol(stage));
  return out;
}

function stageSymbol(stage: Stage): DocumentSymbol {
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  const range: Range = { start: stage.from.range.start, end: last.range.end };
  return {
    name: stage.nameAsWritten ?? `stage ${stage.index}`,
    detail: `FROM ${stage.from.original.replace(/^\S+\s+/, "")}`.slice(0, MAX_DETAIL),
    kind: SymbolKind.Class,
    range: lspRange(range),
    selectionRange: lspRange(stage.nameRange ?? stage.from.keyword.range),
    children: stage.instructions.map((ins) => instructionSymbol(ins)),
  };
}

function instructionSymbol(ins: Instruction): DocumentSymbol {
  const detail = ins.original.replace(/^\S+\s*/, "");
  const symbol: DocumentSymbol = {
    name: ins.name,
    detail: detail.length > MAX_DETAIL ? detail.slice(0, MAX_DETAIL - 1) + "…" : detail,
    kind: KIND[ins.name] ?? SymbolKind.Function,
    range: lspRange(ins.range),
    selectionRange: lspRange(ins.keyword.range),
  };
  if (ins.name === "MAINTAINER") symbol.tags = [SymbolTag.Deprecated];
  const names = ins.args.filter((a) => a.kind === "key-value");
  if (names.length) {
    symbol.children = names.map((kv) => ({
      name: kv.key,
      detail: kv.value ?? "",
      kind: ins.name === "LABEL" ? SymbolKind.Property : ins.name === "ENV" ? SymbolKind.Variable : SymbolKind.Constant,
      range: lspRange(kv.range),
      selectionRange: lspRange(kv.keyRange),
    }));
  }
  return symbol;
}

/** The outline as a flat list, for clients without hierarchical symbols. */
export function flattenSymbols(uri: string, symbols: DocumentSymbol[], container?: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const s of symbols) {
    out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}), ...(s.tags ? { tags: s.tags } : {}) });
    if (s.children) out.push(...flattenSymbols(uri, s.children, s.name));
  }
  return out;
}
