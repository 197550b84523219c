// The plain format, the default when standard output is not a terminal: one finding a line,
// `FILE:LINE:COL: LEVEL CODE message [name]`, as compilers print them and editors jump to them.
import type { Formatter } from "./report.js";
import { place } from "./report.js";

export const formatText: Formatter = (reports) => {
  let out = "";
  for (const { file, findings } of reports) {
    for (const f of findings) {
      const { line, column } = place(f);
      out += `${file}:${line}:${column}: ${f.level} ${f.code} ${oneLine(f.message)} [${f.rule}]\n`;
    }
  }
  return out;
};

/** A message on one line: line breaks would split a finding into several. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, " ");
}
