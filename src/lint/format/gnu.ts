// `--format gnu`: the GNU Coding Standards' error format, `FILE:LINE.COL-ENDLINE.ENDCOL: LEVEL: message`,
// which Emacs' compilation mode and other GNU tools parse. info and style print as `note`.
import type { Formatter } from "./report.js";
import { place } from "./report.js";
import { oneLine } from "./text.js";

const WORD = { error: "error", warning: "warning", info: "note", style: "note" } as const;

export const formatGnu: Formatter = (reports) => {
  let out = "";
  for (const { file, findings } of reports) {
    for (const f of findings) {
      const p = place(f);
      const span = p.endLine === p.line ? `${p.line}.${p.column}-${p.endColumn}` : `${p.line}.${p.column}-${p.endLine}.${p.endColumn}`;
      out += `${file}:${span}: ${WORD[f.level]}: ${oneLine(f.message)} [${f.code} ${f.rule}]\n`;
    }
  }
  return out;
};
