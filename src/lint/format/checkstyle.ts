// `--format checkstyle`: Checkstyle's XML report, which Jenkins, reviewdog and many CI tools read.
// Checkstyle knows error, warning and info; style findings are reported as info.
import type { Formatter } from "./report.js";
import { place } from "./report.js";

const SEVERITY = { error: "error", warning: "warning", info: "info", style: "info" } as const;

export const formatCheckstyle: Formatter = (reports) => {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n';
  for (const { file, findings } of reports) {
    out += `  <file name="${xml(file)}">\n`;
    for (const f of findings) {
      const p = place(f);
      out += `    <error line="${p.line}" column="${p.column}" severity="${SEVERITY[f.level]}" message="${xml(f.message)}" source="${xml(f.code)}"/>\n`;
    }
    out += "  </file>\n";
  }
  return out + "</checkstyle>\n";
};

/** Text escaped for an XML attribute; characters XML 1.0 cannot hold at all are dropped. */
export function xml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}
