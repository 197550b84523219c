// The pipe operators of the script a RUN hands to its SHELL. The shell module lists simple commands only, so
// the script is parsed again here (with the grammar the module chose for it) and its `|` and `|&` are found.
import type { GoValue } from "mvdan-sh";
import { goField, goSpan, walkNodes } from "../../../model/shell/go-node.js";
import { heredocSource, commandSource, withHeredocs, type ScriptSource } from "../../../model/shell/script-source.js";
import { parseShell } from "../../../model/shell/shell-parser.js";
import { utf16Offsets } from "../../../model/shell/utf8-offsets.js";
import { sourceOffset } from "../../../syntax/value-offsets.js";
import type { Instruction } from "../../../syntax/tree.js";
import { runOf } from "./shell-commands.js";

/** A pipe operator, by offsets in the Dockerfile. */
export interface PipeOperator {
  start: number;
  end: number;
}

// mvdan/sh's BinCmdOperator values for `|` and `|&`, read off the parser rather than assumed.
let pipeOps: Set<number> | null = null;
function pipeOperators(): Set<number> {
  if (pipeOps) return pipeOps;
  const ops = new Set<number>();
  for (const src of ["a | b", "a |& b"]) {
    const parsed = parseShell(src, "bash");
    if (!parsed.ok) continue;
    walkNodes(goFile(parsed.file), (node, type) => {
      if (type === "BinaryCmd") ops.add(node.Op as number);
    });
  }
  return (pipeOps = ops);
}

/**
 * The pipes of the script that the RUN's SHELL runs (`SHELL -c script`): its command line, or a lone heredoc
 * without a shebang (BuildKit hands that body to the SHELL). A heredoc with a shebang runs as a file by its
 * own interpreter, and a body fed to `bash <<EOF` is that bash's script: the SHELL's options reach neither.
 */
export function runPipes(ins: Instruction, dialect: "posix" | "bash"): PipeOperator[] {
  const run = runOf(ins);
  const arg = run.args[0];
  if (run.form !== "shell" || arg?.kind !== "shell-command") return [];
  let source: ScriptSource;
  if (run.heredocs.length > 0 && /^\d*<<-?[^<\s]+$/.test(arg.value.trim())) {
    source = heredocSource(run.heredocs[0]!);
    if (source.text.startsWith("#!")) return [];
  } else if (run.heredocs.length > 0) source = withHeredocs(commandSource(arg), run.heredocs);
  else source = commandSource(arg);
  // Parsing is the costly part: a script without a `|` has no pipe.
  if (!source.text.includes("|")) return [];
  const parsed = parseShell(source.text, dialect);
  if (!parsed.ok) return [];
  const ops = pipeOperators();
  const toUtf16 = utf16Offsets(source.text);
  const pipes: PipeOperator[] = [];
  // The Go values are walked directly: mvdan-sh's own Walk wraps every node and is many times slower.
  walkNodes(goFile(parsed.file), (node, type) => {
    if (type !== "BinaryCmd" || !ops.has(node.Op as number)) return;
    const x = goField(node, "X");
    if (!x) return;
    // The operator is the first `|` after the left command (comments cannot sit between them).
    const at = source.text.indexOf("|", toUtf16(goSpan(x)[1]));
    if (at < 0) return;
    const length = source.text.startsWith("|&", at) ? 2 : 1;
    pipes.push({ start: sourceOffset(source.runs, at), end: sourceOffset(source.runs, at + length, true) });
  });
  return pipes.sort((a, b) => a.start - b.start);
}

function goFile(file: unknown): GoValue {
  return (file as { __internal_object__: GoValue }).__internal_object__;
}
