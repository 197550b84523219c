// BuildKit's JSON (exec) form test: the arguments must parse in full as a JSON array. JSON.parse
// implements the same RFC 8259 grammar as Go's encoding/json, so it decides validity; a small scanner
// then finds where each element is, for ranges.
import type { Span } from "./split-instruction.js";

export type JsonForm =
  | { kind: "array"; elements: Array<Span & { value: string }> }
  | { kind: "non-string"; elements: Array<Span & { value: string }>; span: Span }
  | { kind: "invalid"; message: string; span: Span };

/** Decides whether `text[start, end)` (which starts with `[`) is JSON form, and where its elements are. */
export function locateJsonForm(text: string, start: number, end: number): JsonForm {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, end));
  } catch (e) {
    const m = /position (\d+)/.exec(String((e as Error).message));
    const at = m ? Math.min(start + Number(m[1]), end) : end;
    return {
      kind: "invalid",
      message: `Arguments look like JSON form but are not valid JSON (${describe(e)}); they are read as shell form.`,
      span: { start: at === end ? Math.max(start, end - 1) : at, end: at === end ? end : at + 1 },
    };
  }
  const spans = elementSpans(text, start, end);
  const elements: Array<Span & { value: string }> = [];
  const values = Array.isArray(parsed) ? parsed : [];
  let bad: Span | null = Array.isArray(parsed) ? null : { start, end };
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    const span = spans[i] ?? { start, end };
    if (typeof v === "string") elements.push({ start: span.start, end: span.end, value: v });
    else bad ??= span;
  }
  return bad ? { kind: "non-string", elements, span: bad } : { kind: "array", elements };
}

function describe(e: unknown): string {
  const msg = String((e as Error).message ?? e);
  return msg.replace(/ in JSON at position \d+.*$/s, "").replace(/^Unexpected end of JSON input$/, "unexpected end");
}

// Top-level element spans of a valid JSON array: strings, and nested values by bracket depth.
function elementSpans(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let elementStart = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const s = i;
      for (i++; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
      if (depth === 1 && elementStart < 0) spans.push({ start: s, end: i + 1 });
      continue;
    }
    if (c === 91 || c === 123) {
      if (depth === 1) elementStart = i;
      depth++;
    } else if (c === 93 || c === 125) {
      depth--;
      if (depth === 1 && elementStart >= 0) {
        spans.push({ start: elementStart, end: i + 1 });
        elementStart = -1;
      }
    } else if (depth === 1 && elementStart < 0 && c !== 44 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      // A number, true, false or null.
      const s = i;
      while (i + 1 < end && /[^\s,\]]/.test(text[i + 1]!)) i++;
      spans.push({ start: s, end: i + 1 });
    }
  }
  return spans;
}
