import type { Stage } from "../../model/model.js";
import type { Instruction, ShellCommand } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { ancestors, holdsComment } from "./util/buildkit-support.js";

// A word the fix may put in a JSON array unchanged: no quoting, expansion, globbing, redirection or
// other shell syntax, and not `~`-prefixed.
const PLAIN_WORD = /^[A-Za-z0-9_./:@%+=,-]+$/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
// Words that are only meaningful to a shell: running them without one fails or changes meaning.
const SHELL_ONLY = new Set([
  ".", ":", "alias", "break", "case", "cd", "continue", "declare", "do", "done", "elif", "else", "esac", "eval", "exit",
  "export", "fi", "for", "function", "if", "local", "read", "readonly", "return", "select", "set", "shift", "source",
  "then", "time", "trap", "typeset", "ulimit", "umask", "unset", "until", "wait", "while",
]);

/** The exec form of a shell-form command made only of plain words, or null. */
function execForm(command: ShellCommand): string | null {
  if (holdsComment(command)) return null;
  let words = command.value.trim().split(/[ \t]+/);
  if (words[0] === "exec") words = words.slice(1); // exec form is what `exec` asks the shell for
  if (words.length === 0 || words[0] === "") return null;
  if (!words.every((w) => PLAIN_WORD.test(w)) || ASSIGNMENT.test(words[0]!) || SHELL_ONLY.has(words[0]!)) return null;
  return `[${words.map((w) => JSON.stringify(w)).join(", ")}]`;
}

// BuildKit checks the image config's Shell: set by a SHELL earlier in this stage, or by a stage it is
// built on, including that stage's ONBUILD SHELL (its triggers run first in the stage built on it).
// A registry image's own Shell is unknown here and taken as unset.
function hasShell(stage: Stage, ins: Instruction): boolean {
  const at = stage.instructions.indexOf(ins);
  if (stage.instructions.slice(0, at).some((i) => i.name === "SHELL")) return true;
  return ancestors(stage).some((s) => s.instructions.some((i) => i.name === "SHELL" || i.trigger?.name === "SHELL"));
}

export default defineRule({
  code: "DF204",
  name: "json-args-recommended",
  aliases: ["JSONArgsRecommended"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Write CMD and ENTRYPOINT in exec (JSON) form.",
    rationale:
      "In shell form the command runs as a child of `/bin/sh -c`, which does not pass on signals: `docker stop` waits and then kills it. If a shell is what you want, say so with SHELL. hadolint's DL3025 flags these too; each is reported once, as DF204, and ignoring either code silences it.",
    bad: "FROM alpine:3.20\nENTRYPOINT my-program start",
    good: 'FROM alpine:3.20\nENTRYPOINT ["my-program", "start"]',
  },
  fix: {
    safety: "unsafe",
    why: "Offered only for plain words (no quotes, variables, globs or operators); without the shell, the program runs as PID 1 and a CMD is passed to an ENTRYPOINT as separate arguments.",
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if ((ins.name !== "CMD" && ins.name !== "ENTRYPOINT") || ins.form !== "shell") continue;
        const command = ins.args[0];
        if (command?.kind !== "shell-command" || hasShell(stage, ins)) continue;
        const json = execForm(command);
        report({
          range: command.range,
          message: `${ins.name} '${command.value}' is in shell form, so it runs under /bin/sh -c and does not receive OS signals; use JSON arguments.`,
          edits: json ? [{ start: command.range.start.offset, end: command.range.end.offset, text: json }] : undefined,
        });
      }
    }
  },
});
