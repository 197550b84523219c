// The shell scripts of a RUN instruction, parsed (by quickRead or mvdan/sh) when a rule first asks, so that rules can ask
// "does this RUN call `apt-get install` without `-y`".
import type { LineIndex } from "../../syntax/line-index.js";
import type { Instruction, JsonArray } from "../../syntax/tree.js";
import { heredocsFedToShells } from "./fed-heredocs.js";
import { parseScript } from "./parse-script.js";
import { commandSource, heredocSource, withHeredocs } from "./script-source.js";
import { shebangDialect, shellDialect } from "./shell-dialect.js";
import { simpleCommand } from "./simple-command.js";
import type { RunScript, ShellWord } from "./types.js";

export type { RunScript, ShellDialect, ShellWord, SimpleCommand } from "./types.js";

const DEFAULT_SHELL = ["/bin/sh", "-c"] as const;

// Not cached here: lint() keeps each RUN's scripts for the lint (its scripts()), and a WeakMap keyed by
// instructions kept every file's scripts through V8's young-generation collections until a full one.

/** The shell commands of a RUN instruction (its shell-form command and its heredoc scripts). */
export function runScripts(ins: Instruction, text: string, index: LineIndex, shell: readonly string[] = DEFAULT_SHELL): RunScript[] {
  const run = ins.name === "ONBUILD" && ins.trigger ? ins.trigger : ins;
  if (run.name !== "RUN") return [];
  return readRun(run, text, index, shell);
}

function readRun(run: Instruction, text: string, index: LineIndex, shell: readonly string[]): RunScript[] {
  const arg = run.args[0];
  if (run.form === "json" && arg?.kind === "json-array") return [execForm(arg, text)];
  if (run.form !== "shell" || arg?.kind !== "shell-command") return [];
  const dialect = shellDialect(shell);
  const heredocs = run.heredocs;

  // `RUN <<EOF`: BuildKit runs the body itself, as a file by its shebang when it has one, else with the SHELL.
  if (heredocs.length > 0 && isLoneHeredoc(arg.value)) {
    const body = heredocSource(heredocs[0]!);
    const shebang = shebangDialect(body.text);
    const d = shebang === undefined ? dialect : shebang;
    if (d === null) {
      const why = shebang === null ? `Its shebang '${body.text.split("\n", 1)[0]}' does not name a POSIX shell.` : notPosix(shell);
      return [{ kind: "unparsed", reason: "non-posix-shell", message: why, range: heredocs[0]!.bodyRange }];
    }
    return [parseScript(body, d, index).result];
  }
  if (dialect === null) return [{ kind: "unparsed", reason: "non-posix-shell", message: notPosix(shell), range: arg.range }];
  if (heredocs.length === 0) return [parseScript(commandSource(arg), dialect, index).result];

  // `RUN cat <<EOF > f`: the shell gets the line and the bodies; a body is a script only when a shell reads it.
  const source = withHeredocs(commandSource(arg), heredocs);
  const main = parseScript(source, dialect, index);
  const scripts = [main.result];
  if (main.file) {
    for (const { index: i, dialect: d } of heredocsFedToShells(main.file.__internal_object__, source.text, source.bodies)) {
      const body = heredocSource(heredocs[i]!);
      const shebang = shebangDialect(body.text);
      scripts.push(parseScript(body, shebang ?? d, index).result);
    }
  }
  return scripts;
}

// BuildKit's test (parser.ParseHeredoc on the whole command): one heredoc marker and nothing else.
function isLoneHeredoc(command: string): boolean {
  return /^\d*<<-?[^<\s]+$/.test(command.trim());
}

function notPosix(shell: readonly string[]): string {
  return `SHELL '${shell[0]}' is not a POSIX shell.`;
}

// An exec-form RUN runs no shell: its JSON array is the one command.
function execForm(arr: JsonArray, text: string): RunScript {
  if (arr.elements.length === 0) return { kind: "unparsed", reason: "exec-form", message: "The exec form is empty.", range: arr.range };
  const words: ShellWord[] = arr.elements.map((e) => ({ text: text.slice(e.range.start.offset, e.range.end.offset), value: e.value, range: e.range }));
  return { kind: "parsed", dialect: "exec", commands: [simpleCommand(words, [], arr.range)], pipes: [] };
}

