// Re-parsing after an edit without parsing the whole file: the instructions the edit touches are
// parsed again on their own and spliced into the previous tree, whose later nodes are moved by the
// edit's length. The result is the tree and diagnostics parse() would give for the new text; when
// that cannot be guaranteed (the edit reaches the parser directives or the first instruction, opens
// a heredoc or a continuation past the re-parsed lines, or the text holds NUL bytes) it gives up and
// the caller parses the whole text.
import { LineIndex } from "../syntax/line-index.js";
import { parse } from "../syntax/parse.js";
import { isToken, type Diagnostic, type Dockerfile, type Instruction, type Position, type Range, type SyntaxNode, type Token } from "../syntax/tree.js";

export interface Parsed {
  text: string;
  tree: Dockerfile;
  diagnostics: Diagnostic[];
}

/** The part of the text an edit re-parsed: old [start, oldEnd) became new [start, newEnd). Both ends fall on line starts. */
export interface Region {
  start: number;
  oldEnd: number;
  newEnd: number;
  startLine: number;
  oldEndLine: number;
  newEndLine: number;
}

export interface Reparsed extends Parsed {
  region: Region;
}

/** The one span where two texts differ: old [start, oldEnd) against new [start, newEnd). */
export function textChange(before: string, after: string): { start: number; oldEnd: number; newEnd: number } {
  // Every keystroke compares two copies of the document: whole chunks are compared by the engine (as
  // substrings, without copying), characters only within the chunk where they differ.
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start + CHUNK <= max && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = max - start; // the common suffix may not overlap the common prefix
  let tail = 0;
  while (tail + CHUNK <= room && before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)) tail += CHUNK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

const CHUNK = 256;

/** The new text's tree and diagnostics, made from the previous ones; null when only a full parse can tell. */
export function reparse(previous: Parsed, text: string, index: LineIndex): Reparsed | null {
  return reparseOrRegion(previous, text, index, "whole") as Reparsed | null;
}

/**
 * Like reparse(), but the tree stops after the re-parsed region (the nodes after it are left out)
 * and has no diagnostics: what a request about a position before the region's end needs, without
 * moving the rest of the tree.
 */
export function reparseUpToRegion(previous: Parsed, text: string, index: LineIndex): Reparsed | null {
  return reparseOrRegion(previous, text, index, "prefix") as Reparsed | null;
}

/** Only the region reparse() would re-parse, and the names of the instructions now in it, without building the new tree. */
export function editRegion(previous: Parsed, text: string, index: LineIndex): RegionOnly | null {
  return reparseOrRegion(previous, text, index, "region") as RegionOnly | null;
}

export interface RegionOnly {
  region: Region;
  instructionNames: string[];
}

type Mode = "whole" | "prefix" | "region";

function reparseOrRegion(previous: Parsed, text: string, index: LineIndex, mode: Mode): Reparsed | RegionOnly | null {
  if (text.includes("\0") || previous.diagnostics.some((d) => d.code === "DF099")) return null;
  const change = textChange(previous.text, text);
  const kids = previous.tree.children;
  // The top-level nodes the edit touches: the ones it changes, and an instruction whose end it
  // writes at (typing at the end of its line). A line break is only changed from within.
  let first = -1;
  let last = -1;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i]!;
    const touches = n.range.end.offset > change.start || (n.range.end.offset === change.start && n.kind !== "newline");
    if (!touches) continue;
    if (n.range.start.offset > change.oldEnd) break;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return null;
  // From just after the instruction before the edit (its line break included), so that the lexer
  // starts fresh and the comments BuildKit gives an instruction are all in the region...
  let before = first - 1;
  while (before >= 0 && kids[before]!.kind !== "instruction") before--;
  if (before < 0) return null; // the first instruction and what precedes it: directives live there
  let s = before + 1;
  if (kids[s]?.kind === "newline" && s < first) s++;
  // ...to the end of the next instruction after it, line break included. When the re-parsed text
  // ends in comments (an edit turned an instruction into one), they belong to the instruction after:
  // the region grows to take it in.
  let q = last;
  // Ending on the line break of an instruction: the region ends with that instruction.
  if (kids[q]!.kind === "newline" && kids[q - 1]?.kind === "instruction") q--;
  for (let attempt = 0; attempt < 3; attempt++) {
    while (q < kids.length && kids[q]!.kind !== "instruction") q++;
    const result = tryRegion(previous, text, index, change, s, q, before, mode);
    if (result !== "grow") return result;
    q++;
  }
  return null;
}

function tryRegion(
  previous: Parsed,
  text: string,
  index: LineIndex,
  change: { start: number; oldEnd: number },
  s: number,
  q: number,
  before: number,
  mode: Mode,
): Reparsed | RegionOnly | null | "grow" {
  const kids = previous.tree.children;
  let e = q < kids.length ? q + 1 : kids.length;
  if (e < kids.length && kids[e]!.kind === "newline") e++;
  if (s >= e || before >= s) return null;
  const start = kids[s]!.range.start;
  if (start.character !== 0) return null;
  const oldEnd = e < kids.length ? kids[e]!.range.start.offset : previous.text.length;
  const delta = text.length - previous.text.length;
  const newEnd = oldEnd + delta;
  if (change.start < start.offset || change.oldEnd > oldEnd) return null;

  // The region alone, after a blank line that ends the directives (and the escape directive, if any).
  const prefix = previous.tree.escape === "`" ? "# escape=`\n\n" : "\n";
  const prefixLines = previous.tree.escape === "`" ? 2 : 1;
  const mini = parse(prefix + text.slice(start.offset, newEnd));
  const atEnd = e === kids.length;
  const fresh = mini.tree.children.filter((n) => n.range.end.offset > prefix.length);
  if (fresh.length === 0 || fresh[0]!.range.start.offset !== prefix.length) return null;
  const lastFresh = fresh[fresh.length - 1]!;
  // Nothing may run on past the region: a continuation or an unterminated heredoc would take the next lines.
  if (!atEnd && lastFresh.kind !== "newline") return null;
  if (!atEnd && fresh.some((n) => n.kind === "instruction" && hasOpenHeredoc(n as Instruction))) return null;
  if (!atEnd && [...fresh].reverse().find((n) => n.kind !== "newline")?.kind !== "instruction") return "grow";

  const newEndPos = index.position(newEnd);
  const lineDelta = newEndPos.line - (e < kids.length ? kids[e]!.range.start.line : lineOf(previous, oldEnd));
  const region: Region = {
    start: start.offset,
    oldEnd,
    newEnd,
    startLine: start.line,
    oldEndLine: newEndPos.line - lineDelta,
    newEndLine: newEndPos.line,
  };
  if (mode === "region") return { region, instructionNames: fresh.filter((n): n is Instruction => n.kind === "instruction").map((n) => n.name) };
  const intoRegion: Shift = { offset: start.offset - prefix.length, line: start.line - prefixLines };
  const afterRegion: Shift = { offset: delta, line: lineDelta };
  const children: SyntaxNode[] = [...kids.slice(0, s), ...fresh.map((n) => shifted(n, intoRegion))];
  if (mode === "prefix") {
    const tree: Dockerfile = { ...previous.tree, text, range: index.range(0, text.length), children, instructions: children.filter((n): n is Instruction => n.kind === "instruction") };
    return { text, tree, diagnostics: [], region };
  }
  for (let i = e; i < kids.length; i++) children.push(shifted(kids[i]!, afterRegion));

  const diagnostics: Diagnostic[] = [];
  for (const d of previous.diagnostics) if (d.range.start.offset < start.offset) diagnostics.push(d);
  for (const d of mini.diagnostics) {
    // "No instructions" is about the whole file, which has them.
    if (d.code === "DF001" || d.range.start.offset < prefix.length) continue;
    diagnostics.push(shifted(d, intoRegion));
  }
  for (const d of previous.diagnostics) if (d.range.start.offset >= oldEnd) diagnostics.push(shifted(d, afterRegion));

  const tree: Dockerfile = {
    ...previous.tree,
    text,
    range: index.range(0, text.length),
    children,
    instructions: children.filter((n): n is Instruction => n.kind === "instruction"),
  };
  return { text, tree, diagnostics, region };
}

interface Shift {
  offset: number;
  line: number;
}

function lineOf(parsed: Parsed, offset: number): number {
  return parsed.tree.range.end.offset === offset ? parsed.tree.range.end.line : new LineIndex(parsed.text).lineAt(offset);
}

function hasOpenHeredoc(ins: Instruction): boolean {
  return ins.heredocs.some((h) => h.terminatorRange === null) || (ins.trigger !== null && hasOpenHeredoc(ins.trigger));
}

// A copy of a node (or diagnostic) with every position moved: offsets and lines, and BuildKit's
// 1-based line numbers of instructions. Characters stay, as the region starts and ends at line
// starts. A node that another one refers to (an instruction's keyword, flags, arguments,
// heredocs, trigger; a JSON array's elements) is its copy there too. Written out per kind rather
// than by reflection: this runs over every node after an edit.
function shifted<T extends SyntaxNode | Diagnostic>(value: T, by: Shift): T {
  if (!("kind" in value)) return { ...value, range: moveRange(value.range, by) } as T;
  return shiftNode(value, by) as T;
}

function move(p: Position, by: Shift): Position {
  return { offset: p.offset + by.offset, line: p.line + by.line, character: p.character };
}

function moveRange(r: Range, by: Shift): Range {
  return { start: move(r.start, by), end: move(r.end, by) };
}

function shiftNode(node: SyntaxNode, by: Shift): SyntaxNode {
  const range = moveRange(node.range, by);
  if (isToken(node)) {
    // Leaves are most of the nodes: one object shape, built directly.
    const leaf: Token = { kind: node.kind, range, text: node.text, children: [] };
    return leaf;
  }
  const children = node.children.map((c) => shiftNode(c, by));
  // What a node refers to is one of its children: their copies stand in for them.
  const same = <N extends SyntaxNode>(n: N): N => {
    const i = (node.children as SyntaxNode[]).indexOf(n);
    return (i >= 0 ? children[i] : shiftNode(n, by)) as N;
  };
  switch (node.kind) {
    case "flag":
      return { ...node, range, children, nameRange: moveRange(node.nameRange, by), valueRange: node.valueRange && moveRange(node.valueRange, by) };
    case "key-value":
      return { ...node, range, children, keyRange: moveRange(node.keyRange, by), valueRange: node.valueRange && moveRange(node.valueRange, by) };
    case "json-array":
      return { ...node, range, children, elements: node.elements.map(same) };
    case "heredoc":
      return {
        ...node,
        range,
        children,
        markerRange: moveRange(node.markerRange, by),
        bodyRange: moveRange(node.bodyRange, by),
        terminatorRange: node.terminatorRange && moveRange(node.terminatorRange, by),
      };
    case "directive":
      return { ...node, range, children, nameRange: moveRange(node.nameRange, by), valueRange: moveRange(node.valueRange, by) };
    case "instruction":
      return {
        ...node,
        range,
        children,
        keyword: same(node.keyword),
        flags: node.flags.map(same),
        args: node.args.map(same),
        healthcheckType: node.healthcheckType && same(node.healthcheckType),
        trigger: node.trigger && same(node.trigger),
        heredocs: node.heredocs.map(same),
        startLine: node.startLine + by.line,
        endLine: node.endLine + by.line,
      };
    default:
      return { ...node, range, children } as SyntaxNode;
  }
}
