// `--format json`: an array of findings, one per line, with 1-based lines and columns. A fix lists
// its edits both as offsets into the file's text and as 1-based places.
import { LineIndex } from "../../syntax/line-index.js";
import type { Formatter } from "./report.js";
import { place } from "./report.js";

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  rule: string;
  aliases: string[];
  level: string;
  message: string;
  fix?: { safety: "safe" | "unsafe"; edits: JsonEdit[] };
}

export interface JsonEdit {
  /** UTF-16 offsets into the file's text. */
  start: number;
  end: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

export const formatJson: Formatter = (reports) => {
  const items: string[] = [];
  for (const { file, text, findings } of reports) {
    let index: LineIndex | null = null;
    for (const f of findings) {
      const item: JsonFinding = { file, ...place(f), code: f.code, rule: f.rule, aliases: [...f.aliases], level: f.level, message: f.message };
      if (f.fix) {
        index ??= new LineIndex(text);
        const lines = index;
        item.fix = {
          safety: f.fix.safety,
          edits: f.fix.edits.map((e) => {
            const s = lines.position(e.start);
            const t = lines.position(e.end);
            return { start: e.start, end: e.end, line: s.line + 1, column: s.character + 1, endLine: t.line + 1, endColumn: t.character + 1, text: e.text };
          }),
        };
      }
      items.push(JSON.stringify(item));
    }
  }
  return items.length === 0 ? "[]\n" : `[\n${items.join(",\n")}\n]\n`;
};
