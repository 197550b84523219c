// Folding ranges: each stage, each instruction continued over several lines, each heredoc body,
// and runs of comment lines. Line-based, as every client folds at least whole lines.
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver-types";
import type { DocumentAnalysis } from "./analysis.js";

export interface FoldingOptions {
  /** The most ranges the client wants. */
  rangeLimit?: number;
}

/** The document's folding ranges, sorted by start line, at most one per start line. */
export function foldingRanges(analysis: DocumentAnalysis, options: FoldingOptions = {}): FoldingRange[] {
  const { tree, model } = analysis;
  const byStart = new Map<number, FoldingRange>();
  const add = (startLine: number, endLine: number, kind?: string) => {
    if (endLine <= startLine) return;
    const existing = byStart.get(startLine);
    // Clients fold one range per start line: keep the widest.
    if (existing && existing.endLine >= endLine) return;
    byStart.set(startLine, { startLine, endLine, ...(kind ? { kind } : {}) });
  };
  for (const stage of model.stages) {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    add(stage.from.range.start.line, last.range.end.line, FoldingRangeKind.Region);
  }
  for (const ins of tree.instructions) {
    for (const h of [...ins.heredocs, ...(ins.trigger?.heredocs ?? [])]) {
      // From the line holding the marker to the terminator.
      add(h.markerRange.start.line, (h.terminatorRange ?? h.bodyRange).end.line);
    }
    const bodyStart = ins.heredocs[0]?.bodyRange.start.line ?? ins.trigger?.heredocs[0]?.bodyRange.start.line;
    const end = bodyStart !== undefined ? bodyStart - 1 : ins.range.end.line;
    add(ins.range.start.line, end);
  }
  let runStart = -1;
  let runEnd = -1;
  for (const node of tree.children) {
    if (node.kind !== "comment") continue;
    const line = node.range.start.line;
    if (line === runEnd + 1 && runStart >= 0) runEnd = line;
    else {
      if (runStart >= 0) add(runStart, runEnd, FoldingRangeKind.Comment);
      runStart = runEnd = line;
    }
  }
  if (runStart >= 0) add(runStart, runEnd, FoldingRangeKind.Comment);
  const ranges = [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
  return options.rangeLimit !== undefined && ranges.length > options.rangeLimit ? ranges.slice(0, options.rangeLimit) : ranges;
}
