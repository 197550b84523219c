// In `RUN bash <<EOF` the heredoc is data to /bin/sh but the script of the bash it feeds: those bodies are
// parsed as shell too. A body fed to any other command (`cat <<EOF > file`) stays data.
import type { GoValue } from "mvdan-sh";
import { goField, goSlice, goSpan, goType, walkStatements } from "./go-node.js";
import { shellProgramDialect } from "./shell-dialect.js";
import { utf16Offsets } from "./utf8-offsets.js";
import { wordValue } from "./word-value.js";

/** The heredocs (by index into `bodies`, their [start, end) in the script) read as scripts by a shell command. */
export function heredocsFedToShells(file: GoValue, scriptText: string, bodies: ReadonlyArray<readonly [number, number]>): Array<{ index: number; dialect: "posix" | "bash" }> {
  const toUtf16 = utf16Offsets(scriptText);
  const fed: Array<{ index: number; dialect: "posix" | "bash" }> = [];
  walkStatements(file, (stmt) => {
    const cmd = goField(stmt, "Cmd");
    if (!cmd || goType(cmd) !== "CallExpr") return;
    const [name, ...args] = goSlice(cmd.Args).map(wordValue);
    const dialect = name ? shellProgramDialect(name) : undefined;
    // With -c the script is the argument, and standard input is only data.
    if (!dialect || args.some((a) => a !== null && /^-[A-Za-z]*c[A-Za-z]*$/.test(a))) return;
    for (const r of goSlice(stmt.Redirs)) {
      const body = goField(r, "Hdoc");
      if (!body) continue;
      const at = toUtf16(goSpan(body)[0]);
      const index = bodies.findIndex(([s, e]) => s <= at && at <= e);
      if (index >= 0) fed.push({ index, dialect });
    }
  });
  return fed;
}
