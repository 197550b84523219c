// The simple commands of a parsed script, with ranges in the Dockerfile.
import type { GoValue } from "mvdan-sh";
import type { LineIndex } from "../../syntax/line-index.js";
import type { Range } from "../../syntax/tree.js";
import { goField, goSlice, goSpan, goString, goType, walkStatements } from "./go-node.js";
import type { ScriptSource } from "./script-source.js";
import { scriptRanges } from "./script-ranges.js";
import { ScriptWord } from "./script-word.js";
import { simpleCommand } from "./simple-command.js";
import type { ShellWord, SimpleCommand } from "./types.js";
import { utf16Offsets } from "./utf8-offsets.js";
import { wordValue } from "./word-value.js";

/** Every simple command of a parsed script in source order, wherever it sits (&&, pipelines, $(...), bodies). */
export function collectCommands(file: GoValue, script: ScriptSource, index: LineIndex): SimpleCommand[] {
  const toUtf16 = utf16Offsets(script.text);
  const toRange = scriptRanges(script, index);
  const range = (startByte: number, endByte: number): Range => toRange(toUtf16(startByte), toUtf16(endByte));
  const slice = (n: GoValue) => {
    const [s, e] = goSpan(n);
    return script.text.slice(toUtf16(s), toUtf16(e));
  };
  const word = (w: GoValue, value: string | null): ShellWord => {
    const [s, e] = goSpan(w);
    const start = toUtf16(s);
    const end = toUtf16(e);
    return new ScriptWord(script.text.slice(start, end), value, toRange, start, end);
  };

  const commands: SimpleCommand[] = [];
  walkStatements(file, (stmt) => {
    const cmd = goField(stmt, "Cmd");
    const type = goType(cmd);
    if (!cmd || (type !== "CallExpr" && type !== "DeclClause")) return;
    // The command's extent with its redirections (which may come first: `>log cmd`), a heredoc body left out.
    let [start, end] = goSpan(cmd);
    for (const r of goSlice(stmt.Redirs)) {
      const target = goField(r, "Word");
      const [rs, re] = goSpan(r);
      start = Math.min(start, rs);
      end = Math.max(end, goField(r, "Hdoc") && target ? goSpan(target)[1] : re);
    }
    if (type === "CallExpr") {
      const words = goSlice(cmd.Args).map((w) => word(w, wordValue(w)));
      commands.push(simpleCommand(words, goSlice(cmd.Assigns).map(slice), range(start, end)));
    } else {
      // bash reads export/declare/local/readonly/typeset as declarations; rules see them as commands all the same.
      const variant = goField(cmd, "Variant")!;
      const name = word(variant, goString(variant.Value as string));
      commands.push(simpleCommand([name, ...goSlice(cmd.Args).map((a) => word(a, assignValue(a)))], [], range(start, end)));
    }
  });
  return commands.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

// `-x`, `NAME`, `NAME=value`, `NAME+=value`; arrays and indexed names have no single literal value.
function assignValue(a: GoValue): string | null {
  if (goField(a, "Index") || goField(a, "Array")) return null;
  const name = goField(a, "Name");
  const value = goField(a, "Value");
  if (a.Naked) return name ? goString(name.Value as string) : value ? wordValue(value) : null;
  if (!name) return null;
  const v = value ? wordValue(value) : "";
  return v === null ? null : `${goString(name.Value as string)}${a.Append ? "+=" : "="}${v}`;
}
