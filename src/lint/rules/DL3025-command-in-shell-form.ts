import type { Instruction, ShellCommand, SyntaxNode } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";

// Shell builtins and keywords: as the first word of an exec form there is no program to run.
const BUILTINS = new Set([
  "cd", "set", "export", "source", ".", "eval", "ulimit", "umask", "trap", "unset", "alias", "read", "wait",
  "shift", "builtin", "command", "type", "if", "for", "while", "until", "case", "function", "{", "!", "local",
  "declare", "readonly", "return", "exit", "break", "continue", "hash", "getopts", "jobs", "fg", "bg", "times",
]);
// Words with no shell syntax in them: no quotes, escapes, variables, globs, redirections or operators.
const PLAIN_WORD = /^[A-Za-z0-9_./:@%+,=-]+$/;

// The exec form of a shell-form command made of plain words only, or null when a shell is needed.
function execForm(cmd: ShellCommand): string | null {
  if (holdsComment(cmd)) return null; // the comment lines inside would be lost
  let words = cmd.value.trim().split(/[ \t]+/);
  if (words[0] === "exec") words = words.slice(1); // `exec prog` asks the shell for what exec form does
  if (words.length === 0 || words[0] === "") return null;
  if (!words.every((w) => PLAIN_WORD.test(w))) return null;
  if (BUILTINS.has(words[0]!) || words[0]!.includes("=")) return null;
  return "[" + words.map((w) => JSON.stringify(w)).join(", ") + "]";
}

export default defineRule({
  code: "DL3025",
  name: "command-in-shell-form",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Write CMD, ENTRYPOINT and HEALTHCHECK CMD in exec (JSON) form.",
    rationale:
      "In shell form the command runs under `/bin/sh -c`: the shell is PID 1, so SIGTERM from `docker stop` never reaches the program, and CMD arguments cannot be appended to an ENTRYPOINT. A CMD or ENTRYPOINT that DF204 (JSONArgsRecommended) also flags is reported once, as DF204; ignoring either code silences it.",
    bad: "FROM node:22-alpine\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost:3000/",
    good: 'FROM node:22-alpine\nHEALTHCHECK CMD ["wget", "-q", "-O", "/dev/null", "http://localhost:3000/"]',
  },
  fix: {
    safety: "unsafe",
    why: "Without the shell the program becomes PID 1 and gets signals directly, and the stage's SHELL no longer applies; offered only for commands of plain words with no shell syntax.",
  },
  check({ tree, report }) {
    // hadolint: CMD and ENTRYPOINT in shell form, and HEALTHCHECK CMD in shell form. ONBUILD triggers
    // are not checked, as in hadolint.
    for (const ins of tree.instructions) {
      const cmd = shellCommand(ins);
      if (!cmd) continue;
      const what = ins.name === "HEALTHCHECK" ? "HEALTHCHECK CMD" : ins.name;
      const exec = execForm(cmd);
      report({
        range: cmd.range,
        message: `${what} '${preview(cmd.value)}' is in shell form; write it as a JSON array${exec ? `: ${exec}` : ""}.`,
        edits: exec ? [{ start: cmd.range.start.offset, end: cmd.range.end.offset, text: exec }] : undefined,
      });
    }
  },
});

function holdsComment(node: SyntaxNode): boolean {
  return node.kind === "comment" || node.children.some(holdsComment);
}

function shellCommand(ins: Instruction): ShellCommand | null {
  if (ins.name !== "CMD" && ins.name !== "ENTRYPOINT" && ins.name !== "HEALTHCHECK") return null;
  if (ins.name === "HEALTHCHECK" && ins.healthcheckType?.value.toUpperCase() !== "CMD") return null;
  if (ins.form !== "shell") return null;
  const arg = ins.args[0];
  return arg?.kind === "shell-command" ? arg : null;
}

function preview(command: string): string {
  const one = command.replace(/\s+/g, " ").trim();
  return one.length > 40 ? one.slice(0, 37) + "..." : one;
}
