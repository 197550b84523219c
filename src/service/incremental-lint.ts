// Findings right after an edit, without linting the whole file: the previous findings, moved with
// the text, corrected by what the edit changed in the re-parsed region. The region is linted on
// its own twice, before and after the edit, inside the same small context (parser directives,
// global pragmas and ARGs, the stage's FROM and its ARG, ENV, SHELL, WORKDIR and USER lines);
// findings that appear or disappear between those two lints appear or disappear in the file.
// What the context cannot tell (a finding that depends on later instructions or other stages) keeps
// its previous state, so the result is provisional: the caller lints the whole file once typing
// pauses. Edits that add, remove or reach a FROM, or change the global ARGs, get no provisional
// findings at all.
import { lint, type Finding } from "../lint/engine.js";
import type { TextEdit } from "../lint/rule.js";
import type { LineIndex } from "../syntax/line-index.js";
import type { Dockerfile, Instruction, Position, Range } from "../syntax/tree.js";
import type { DocumentSettings } from "./analysis.js";
import { textChange, type Region } from "./incremental-parse.js";

export interface LintedVersion {
  text: string;
  tree: Dockerfile;
  findings: readonly Finding[];
}

const CONTEXT = new Set(["ARG", "ENV", "SHELL", "WORKDIR", "USER"]);
const GLOBAL_PRAGMA = /^\s*#\s*(?:hadolint|dflint)\s+global\s+ignore\s*=/;

/** The findings of the new text, derived from the previous ones; null when only a full lint can tell. */
export function provisionalFindings(
  previous: LintedVersion,
  current: { text: string; index: LineIndex; region: Region; instructionNames: readonly string[] },
  settings: DocumentSettings,
): Finding[] | null {
  const { region } = current;
  // Before the region both versions are the same text: the previous tree serves for it.
  const tree = previous.tree;
  const oldInRegion = tree.instructions.filter((i) => i.range.start.offset >= region.start && i.range.start.offset < region.oldEnd);
  if (oldInRegion.some((i) => i.name === "FROM") || current.instructionNames.includes("FROM")) return null;
  const from = [...tree.instructions].reverse().find((i) => i.name === "FROM" && i.range.end.offset <= region.start);
  if (!from) return null; // the global ARGs: every stage may change

  const context = contextText(previous.text, tree, from, region.start);
  const before = regionFindings(lintSmall(context + previous.text.slice(region.start, region.oldEnd), settings), context.length);
  const after = regionFindings(lintSmall(context + current.text.slice(region.start, region.newEnd), settings), context.length);

  const change = textChange(previous.text, current.text);
  const delta = current.text.length - previous.text.length;
  const lineDelta = region.newEndLine - region.oldEndLine;
  // Old offsets to new ones; null inside the edited span.
  const mapOffset = (o: number): number | null => (o <= change.start ? o : o >= change.oldEnd ? o + delta : null);
  const mapPosition = (p: Position, isEnd: boolean): Position | null => {
    if (p.offset < region.start || (isEnd && p.offset === region.start)) return p;
    if (p.offset >= region.oldEnd) return { offset: p.offset + delta, line: p.line + lineDelta, character: p.character };
    const o = mapOffset(p.offset);
    return o === null ? null : current.index.position(o);
  };
  const key = (code: string, start: number, end: number) => `${code}@${start}-${end}`;

  // What the edit changed in the region's own lint, in new offsets.
  const removed = new Map<string, number>();
  const count = (m: Map<string, number>, k: string, by: number) => m.set(k, (m.get(k) ?? 0) + by);
  const afterKeys = new Map<string, number>();
  for (const f of after) count(afterKeys, key(f.code, region.start + f.start, region.start + f.end), 1);
  const beforeKeys = new Map<string, number>();
  for (const f of before) {
    const s = mapOffset(region.start + f.start);
    const e = mapOffset(region.start + f.end);
    if (s === null || e === null) continue;
    count(beforeKeys, key(f.code, s, e), 1);
  }
  for (const [k, n] of beforeKeys) {
    const left = n - (afterKeys.get(k) ?? 0);
    if (left > 0) removed.set(k, left);
  }

  const out: Finding[] = [];
  for (const f of previous.findings) {
    const start = mapPosition(f.range.start, false);
    const end = mapPosition(f.range.end, true);
    if (!start || !end) continue; // it was about text the edit replaced
    const inRegion = f.range.start.offset >= region.start && f.range.start.offset < region.oldEnd;
    if (inRegion) {
      const k = key(f.code, start.offset, end.offset);
      const n = removed.get(k) ?? 0;
      if (n > 0) {
        removed.set(k, n - 1);
        continue;
      }
    }
    const moved: Finding = { ...f, range: { start, end } };
    if (f.fix) {
      const edits = f.fix.edits.map((e) => mapEdit(e, mapOffset));
      if (edits.every((e): e is TextEdit => e !== null)) moved.fix = { ...f.fix, edits };
      else delete moved.fix;
    }
    out.push(moved);
  }
  for (const k of beforeKeys.keys()) count(afterKeys, k, -(beforeKeys.get(k) ?? 0));
  for (const f of after) {
    const s = region.start + f.start;
    const k = key(f.code, s, region.start + f.end);
    const n = afterKeys.get(k) ?? 0;
    if (n <= 0) continue; // it was there before the edit too
    afterKeys.set(k, n - 1);
    const range: Range = current.index.range(s, region.start + f.end);
    const added: Finding = { ...f.finding, range };
    if (f.finding.fix) added.fix = { ...f.finding.fix, edits: f.finding.fix.edits.map((e) => ({ ...e, start: e.start - f.base + region.start, end: e.end - f.base + region.start })) };
    out.push(added);
  }
  const ORDER = { error: 0, warning: 1, info: 2, style: 3 } as const;
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset || ORDER[a.level] - ORDER[b.level] || (a.code < b.code ? -1 : 1));
}

// Typing in one instruction lints the same region text twice: after one keystroke, before the next.
const recent = new WeakMap<DocumentSettings, Map<string, readonly Finding[]>>();
const RECENT = 4;

function lintSmall(text: string, settings: DocumentSettings): readonly Finding[] {
  let cache = recent.get(settings);
  if (!cache) recent.set(settings, (cache = new Map()));
  const hit = cache.get(text);
  if (hit) return hit;
  const findings = lint(text, { settings: settings.lint, analyze: { target: settings.target, platform: settings.platform } }).findings;
  if (cache.size >= RECENT) cache.delete(cache.keys().next().value!);
  cache.set(text, findings);
  return findings;
}

interface RegionFinding {
  code: string;
  /** Offsets relative to the region's start. */
  start: number;
  end: number;
  base: number;
  finding: Finding;
}

function regionFindings(findings: readonly Finding[], base: number): RegionFinding[] {
  return findings
    .filter((f) => f.range.start.offset >= base)
    .map((f) => ({ code: f.code, start: f.range.start.offset - base, end: f.range.end.offset - base, base, finding: f }));
}

function mapEdit(e: TextEdit, map: (o: number) => number | null): TextEdit | null {
  const start = map(e.start);
  const end = map(e.end);
  return start === null || end === null ? null : { ...e, start, end };
}

// The lines a region's lint needs to see what its stage sees, in file order.
function contextText(text: string, tree: Dockerfile, from: Instruction, regionStart: number): string {
  const lines: string[] = [];
  const lastDirective = tree.directives[tree.directives.length - 1];
  if (lastDirective) lines.push(text.slice(0, lastDirective.range.end.offset));
  for (const node of tree.children) {
    if (node.range.start.offset >= regionStart) break;
    if (node.kind === "comment" && GLOBAL_PRAGMA.test(text.slice(node.range.start.offset, node.range.end.offset))) {
      lines.push(text.slice(node.range.start.offset, node.range.end.offset));
    } else if (node.kind === "instruction") {
      const ins = node as Instruction;
      const isGlobal = ins.range.start.offset < (tree.instructions.find((i) => i.name === "FROM")?.range.start.offset ?? 0);
      if ((isGlobal && ins.name === "ARG") || ins === from || (ins.range.start.offset > from.range.start.offset && CONTEXT.has(ins.name))) {
        lines.push(text.slice(ins.range.start.offset, ins.range.end.offset));
      }
    }
  }
  return lines.length ? lines.join("\n") + "\n" : "";
}
