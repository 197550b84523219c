// Applying fixes: the edits of the chosen findings, in order, skipping any that overlap an edit
// already taken (a second lint pass picks those up).
import type { TextEdit } from "./rule.js";

export interface Fixable {
  fix?: { safety: "safe" | "unsafe"; edits: TextEdit[] };
}

/** The text with the findings' fixes applied; unsafe fixes only when asked. */
export function applyFixes(text: string, findings: readonly Fixable[], options: { unsafe?: boolean } = {}): { text: string; applied: number } {
  const chosen: TextEdit[][] = [];
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    if (f.fix.safety === "unsafe" && !options.unsafe) continue;
    chosen.push([...f.fix.edits].sort((a, b) => a.start - b.start));
  }
  chosen.sort((a, b) => a[0]!.start - b[0]!.start);
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const edits of chosen) {
    const overlaps = edits.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === e.end && e.start === t.start)));
    if (overlaps) continue;
    taken.push(...edits);
    applied++;
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of taken) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}
