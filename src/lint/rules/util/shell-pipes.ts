// The pipe operators of the script a RUN hands to its SHELL (the shell module lists simple commands only).
import { heredocSource, commandSource, withHeredocs, type ScriptSource } from "../../../model/shell/script-source.js";
import { scriptPipes } from "../../../model/shell/script-pipes.js";
import { sourceOffset } from "../../../syntax/value-offsets.js";
import type { Instruction } from "../../../syntax/tree.js";
import { runOf } from "./shell-commands.js";

/** A pipe operator, by offsets in the Dockerfile. */
export interface PipeOperator {
  start: number;
  end: number;
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
  return scriptPipes(source.text, dialect).map(([start, end]) => ({ start: sourceOffset(source.runs, start), end: sourceOffset(source.runs, end, true) }));
}
