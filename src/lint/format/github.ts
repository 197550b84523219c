// `--format github`: GitHub Actions workflow commands, which annotate the pull request's diff:
// `::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message`. info and style become
// notices. Values are escaped as the Actions toolkit escapes them (%, CR, LF; and `:` `,` in properties).
import type { Formatter } from "./report.js";
import { place } from "./report.js";

const COMMAND = { error: "error", warning: "warning", info: "notice", style: "notice" } as const;

export const formatGithub: Formatter = (reports) => {
  let out = "";
  for (const { file, findings } of reports) {
    for (const f of findings) {
      const p = place(f);
      const props = [
        `file=${property(file)}`,
        `line=${p.line}`,
        `col=${p.column}`,
        `endLine=${p.endLine}`,
        `endColumn=${p.endColumn}`,
        `title=${property(`${f.code} ${f.rule}`)}`,
      ];
      out += `::${COMMAND[f.level]} ${props.join(",")}::${data(f.message)}\n`;
    }
  }
  return out;
};

function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function property(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
