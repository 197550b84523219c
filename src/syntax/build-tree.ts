// Turns scanned instructions and their grammar shapes into syntax-tree nodes. Node ranges come from
// the logical line mapped back to the source; children are filled from the scanned pieces, split at
// node boundaries, so that the leaves cover the source exactly.
import type { InstructionShape } from "../../grammar/shape.js";
import { trimSpaceBounds } from "./go-text.js";
import type { LineIndex } from "./line-index.js";
import type { Piece, ScannedInstruction } from "./scan.js";
import type { ArgumentToken, FlagToken, KeywordToken, Span } from "./split-instruction.js";
import type {
  Flag,
  Heredoc,
  Instruction,
  JsonArray,
  JsonString,
  KeyValue,
  Keyword,
  NodeBase,
  ShellCommand,
  SyntaxNode,
  Token,
  Word,
} from "./tree.js";

/** A node waiting for its children, with its source offsets and the nodes nested in it. */
interface Pending {
  node: NodeBase;
  start: number;
  end: number;
  kids: Pending[];
}

/** Maps offsets in a logical line back to the source. */
export class LineMap {
  constructor(private readonly segments: ReadonlyArray<readonly [number, number, number]>, private readonly lineLength: number) {}

  /** Source offset of the character at `j`. */
  start(j: number): number {
    const segs = this.segments;
    if (segs.length === 0) return 0;
    if (j >= this.lineLength) return this.end(j);
    const k = this.find(j, false);
    const [l, s] = segs[k]!;
    return s + (j - l);
  }

  /** Source offset just after the character at `j - 1`. */
  end(j: number): number {
    const segs = this.segments;
    if (segs.length === 0) return 0;
    if (j <= 0) return segs[0]![1];
    const k = this.find(j, true);
    const [l, s] = segs[k]!;
    return s + (j - l);
  }

  private find(j: number, isEnd: boolean): number {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const l = segs[mid]![0];
      if (isEnd ? l < j : l <= j) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Hands out leaf tokens over a run of pieces, splitting pieces where nodes begin and end. */
class Leaves {
  private i = 0;
  private pos: number;

  constructor(private readonly text: string, private readonly pieces: readonly Piece[], private readonly index: LineIndex) {
    this.pos = pieces.length ? pieces[0]!.start : 0;
  }

  get position(): number {
    return this.pos;
  }

  /** Leaves up to `end`. Between an instruction's parts, blank text is whitespace; inside a part it is text. */
  take(end: number, out: SyntaxNode[], isBetweenParts: boolean): void {
    const pieces = this.pieces;
    while (this.i < pieces.length && this.pos < end) {
      const piece = pieces[this.i]!;
      const stop = Math.min(piece.end, end);
      let kind = piece.kind;
      if (kind === "text" && isBetweenParts && isBlank(this.text, this.pos, stop)) kind = "whitespace";
      out.push(token(kind, this.text, this.pos, stop, this.index));
      this.pos = stop;
      if (stop === piece.end) {
        this.i++;
        if (this.i < pieces.length) this.pos = pieces[this.i]!.start;
      }
    }
  }
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 9 && c !== 11 && c !== 12 && c !== 13) return false;
  }
  return true;
}

/** A leaf token. */
export function token(kind: Token["kind"], text: string, start: number, end: number, index: LineIndex): Token {
  return { kind, range: index.range(start, end), text: text.slice(start, end), children: [] };
}

function fill(p: Pending, leaves: Leaves): void {
  const children = p.node.children;
  const isInstruction = (p.node as SyntaxNode).kind === "instruction";
  for (const kid of p.kids) {
    if (kid.start < leaves.position || kid.end > p.end) continue; // never happens for well-formed shapes
    leaves.take(kid.start, children, isInstruction);
    fill(kid, leaves);
    children.push(kid.node as SyntaxNode);
  }
  leaves.take(p.end, children, isInstruction);
}

/** Builds the instruction node for a scanned instruction and its grammar shape. */
export function buildInstruction(text: string, scanned: ScannedInstruction, shape: InstructionShape, index: LineIndex): Instruction {
  const map = new LineMap(scanned.segments, scanned.line.length);
  const pieces = scanned.pieces;
  const start = pieces[0]!.start;
  const end = pieces[pieces.length - 1]!.end;
  const root = instructionNode(shape, scanned, map, index, start, end);
  const heredocs = scanned.heredocs.map((h) => heredocNode(h, map, index));
  root.kids.push(...heredocs);
  fill(root, new Leaves(text, pieces, index));
  const node = root.node as Instruction;
  // BuildKit attaches heredocs to the instruction; they belong to an ONBUILD trigger as well.
  node.heredocs = heredocs.map((h) => h.node as Heredoc);
  if (node.trigger) node.trigger.heredocs = node.heredocs;
  return node;
}

function instructionNode(
  shape: InstructionShape,
  scanned: ScannedInstruction,
  map: LineMap,
  index: LineIndex,
  start: number,
  end: number,
  isTrigger = false,
): Pending {
  const kids: Pending[] = [];
  const keyword = keywordNode(shape.keyword, map, index);
  kids.push(keyword);
  const flags = shape.flags.map((f) => flagNode(f, map, index));
  kids.push(...flags);
  const health = shape.healthcheckType ? valueNode(shape.healthcheckType, map, index) : null;
  if (health) kids.push(health);
  const args = shape.args.map((a) => argNode(a, map, index));
  kids.push(...args);
  let trigger: Pending | null = null;
  if (shape.trigger) {
    const t = shape.trigger;
    const lastArg = t.args[t.args.length - 1];
    const tStart = map.start(t.keyword.start);
    const tEnd = map.end(lastArg ? lastArg.end : t.flags.length ? t.flags[t.flags.length - 1]!.end : t.keyword.end);
    trigger = instructionNode(t, scanned, map, index, tStart, tEnd, true);
    kids.push(trigger);
  }
  const name = shape.keyword.type === "UNKNOWN" ? shape.keyword.text.toUpperCase() : shape.keyword.type;
  const node: Instruction = {
    kind: "instruction",
    range: index.range(start, end),
    children: [],
    keyword: keyword.node as Keyword,
    name,
    isKnown: shape.keyword.type !== "UNKNOWN",
    flags: flags.map((f) => f.node as Flag),
    form: shape.form,
    args: args.map((a) => a.node as Word | KeyValue | ShellCommand | JsonArray),
    healthcheckType: health ? (health.node as Word) : null,
    trigger: trigger ? (trigger.node as Instruction) : null,
    heredocs: [],
    // BuildKit parses a trigger from the rest of the ONBUILD line, without the comments above it.
    original: isTrigger ? scanned.line.slice(shape.keyword.start, trimSpaceBounds(scanned.line)[1]) : scanned.line,
    comments: isTrigger ? [] : scanned.comments,
    startLine: scanned.startLine,
    endLine: scanned.endLine,
  };
  return { node, start, end, kids };
}

function span(s: Span, map: LineMap): [number, number] {
  return [map.start(s.start), map.end(s.end)];
}

function keywordNode(k: KeywordToken, map: LineMap, index: LineIndex): Pending {
  const [start, end] = span(k, map);
  const node: Keyword = { kind: "keyword", range: index.range(start, end), children: [], text: k.text };
  return { node, start, end, kids: [] };
}

function flagNode(f: FlagToken, map: LineMap, index: LineIndex): Pending {
  const [start, end] = span(f, map);
  const [ns, ne] = span(f.nameSpan, map);
  const value = f.valueSpan ? span(f.valueSpan, map) : null;
  const node: Flag = {
    kind: "flag",
    range: index.range(start, end),
    children: [],
    name: f.name,
    value: f.value,
    raw: f.raw,
    nameRange: index.range(ns, ne),
    valueRange: value ? index.range(value[0], Math.max(value[0], value[1])) : null,
  };
  return { node, start, end, kids: [] };
}

function valueNode(t: Span & { value: string }, map: LineMap, index: LineIndex): Pending {
  const [start, end] = span(t, map);
  const node: Word = { kind: "word", range: index.range(start, end), children: [], value: t.value };
  return { node, start, end, kids: [] };
}

function argNode(a: ArgumentToken, map: LineMap, index: LineIndex): Pending {
  switch (a.type) {
    case "json": {
      const [start, end] = span(a, map);
      const kids = a.elements.map((e): Pending => {
        const [s, t] = span(e, map);
        const node: JsonString = { kind: "json-string", range: index.range(s, t), children: [], value: e.value };
        return { node, start: s, end: t, kids: [] };
      });
      const node: JsonArray = {
        kind: "json-array",
        range: index.range(start, end),
        children: [],
        elements: kids.map((k) => k.node as JsonString),
      };
      return { node, start, end, kids };
    }
    case "shell": {
      const [start, end] = span(a, map);
      const node: ShellCommand = { kind: "shell-command", range: index.range(start, end), children: [], value: a.value };
      return { node, start, end, kids: [] };
    }
    case "pair": {
      const [start, end] = span(a, map);
      const [ks, ke] = span(a.keySpan, map);
      const value = a.valueSpan ? span(a.valueSpan, map) : null;
      const node: KeyValue = {
        kind: "key-value",
        range: index.range(start, end),
        children: [],
        key: a.key,
        value: a.value,
        separator: a.separator,
        raw: a.raw,
        keyRange: index.range(ks, Math.max(ks, ke)),
        valueRange: value ? index.range(value[0], Math.max(value[0], value[1])) : null,
      };
      return { node, start, end, kids: [] };
    }
    case "word":
    case "string":
    case "ignored":
      return valueNode(a, map, index);
    default:
      throw new Error("bug: unexpected token in instruction arguments");
  }
}

function heredocNode(h: ScannedInstruction["heredocs"][number], map: LineMap, index: LineIndex): Pending {
  const start = h.bodyStart;
  const end = h.terminator ? h.terminator[1] : h.bodyEnd;
  const [ms, me] = [map.start(h.marker.start), map.end(h.marker.end)];
  const node: Heredoc = {
    kind: "heredoc",
    range: index.range(start, end),
    children: [],
    name: h.marker.name,
    expand: h.marker.expand,
    chomp: h.marker.chomp,
    fileDescriptor: h.marker.fileDescriptor,
    markerRange: index.range(ms, me),
    content: h.content,
    bodyRange: index.range(h.bodyStart, h.bodyEnd),
    terminatorRange: h.terminator ? index.range(h.terminator[0], h.terminator[1]) : null,
  };
  return { node, start, end, kids: [] };
}
