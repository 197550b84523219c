import { heredocSource } from "../../model/shell/script-source.js";
import { shellDialect } from "../../model/shell/shell-dialect.js";
import type { Instruction } from "../../syntax/tree.js";
import { LineIndex } from "../../syntax/line-index.js";
import { defineRule } from "../rule.js";
import { programOf, runOf } from "./util/shell-commands.js";

// `-o pipefail` among the words of a shell's command line (`bash -o pipefail -c`, `-eo pipefail`, `-euxo pipefail`).
function setsPipefail(words: ReadonlyArray<string | null>): boolean {
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i];
    if (w && /^-[A-Za-z]*o$/.test(w) && words[i + 1] === "pipefail") return true;
  }
  return false;
}

// `RUN <<EOF` with a shebang runs the body as a file by its own interpreter: the SHELL's options do not reach it.
function runsOwnInterpreter(ins: Instruction): boolean {
  const run = runOf(ins);
  const arg = run.args[0];
  if (run.heredocs.length === 0 || arg?.kind !== "shell-command" || !/^\d*<<-?[^<\s]+$/.test(arg.value.trim())) return false;
  return heredocSource(run.heredocs[0]!).text.startsWith("#!");
}

export default defineRule({
  code: "DL4006",
  name: "pipe-without-pipefail",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Set `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before a RUN that uses a pipe.",
    rationale:
      "A pipeline's status is its last command's: in `wget -O - URL | tar xz` a failed download goes unnoticed and the build carries on with a broken layer. With pipefail any failing stage fails the RUN.",
    bad: "FROM debian:12.5\nRUN wget -q -O - https://example.com/app.tar.gz | tar xz -C /opt\n",
    good: 'FROM debian:12.5\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -q -O - https://example.com/app.tar.gz | tar xz -C /opt\n',
  },
  fix: null, // bash may not be in the image, and a new SHELL changes every later RUN
  check(context) {
    let index: LineIndex | null = null;
    // hadolint does not check ONBUILD RUN for this one.
    for (const ins of context.tree.instructions) {
      if (ins.name !== "RUN") continue;
      const shell = context.shellAt(ins);
      // Any shell given `-o pipefail` has it: one that lacked the option would fail every RUN. hadolint accepts
      // it on bash, zsh and ash only (hadolint#250, #400 ask for /bin/sh on Alpine, where it works).
      if (setsPipefail(shell)) continue;
      // PowerShell and cmd have no pipefail to set; hadolint switches the check off for them too.
      if (shellDialect(shell) === null) continue;
      const script = context.scripts(ins)[0];
      // Exec form runs no shell.
      if (!script || script.kind !== "parsed" || script.dialect === "exec") continue;
      const pipes = script.pipes;
      if (pipes.length === 0 || runsOwnInterpreter(ins)) continue;
      // `set -o pipefail` earlier in the same script turns it on for the pipes after it (hadolint#522 asks for this;
      // hadolint itself ignores it).
      const setAt = script.commands.find((c) => c.name && programOf(c.name) === "set" && setsPipefail(c.args.map((w) => w.value)));
      const unguarded = pipes.find(([start]) => !setAt || start < setAt.range.end.offset);
      if (!unguarded) continue;
      index ??= new LineIndex(context.text);
      const shown = shell.join(" ");
      const [start, end] = unguarded;
      context.report({
        range: index.range(start, end),
        message: `The pipe '${context.text.slice(start, end)}' hides failures of the commands before it, as SHELL '${shown}' does not set -o pipefail.`,
      });
    }
  },
});
