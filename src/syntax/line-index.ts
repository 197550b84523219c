import type { Position, Range } from "./tree.js";

/** Maps UTF-16 offsets to LSP positions. Lines end at `\n`, `\r\n` or a lone `\r`, as LSP counts them. */
export class LineIndex {
  private readonly starts: number[];
  // The parser asks for positions in nearly ascending order; the last line found is tried first.
  private lastLine = 0;

  constructor(private readonly text: string) {
    const starts = [0];
    if (!text.includes("\r")) {
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line holding an offset. */
  lineAt(offset: number): number {
    const starts = this.starts;
    const last = this.lastLine;
    if (starts[last]! <= offset && (last + 1 === starts.length || offset < starts[last + 1]!)) return last;
    if (last + 1 < starts.length && starts[last + 1]! <= offset && (last + 2 === starts.length || offset < starts[last + 2]!)) {
      return (this.lastLine = last + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.lastLine = lo);
  }

  position(offset: number): Position {
    const line = this.lineAt(offset);
    return { offset, line, character: offset - this.starts[line]! };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The offset of an LSP position, clamped into the text. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return Math.min(this.starts[line]! + Math.max(0, character), next);
  }
}
