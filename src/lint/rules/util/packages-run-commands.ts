// The shell commands of the RUN instructions that hadolint's package-manager rules read: every RUN, and the
// RUN of an ONBUILD (hadolint runs these rules on ONBUILD triggers too, with their own state).
import type { ShellDialect, SimpleCommand } from "../../../model/shell/types.js";
import type { Instruction } from "../../../syntax/tree.js";
import type { RuleContext } from "../../rule.js";
import { LintMemo } from "./lint-memo.js";

export interface RunCommand {
  cmd: SimpleCommand;
  /** The grammar the command was read in; `exec` for an exec-form RUN (fix edits then write JSON). */
  dialect: ShellDialect;
}

export interface PackageRun {
  /** The instruction findings belong to: the RUN, or the ONBUILD that holds it. */
  ins: Instruction;
  /** The RUN itself (the trigger of an ONBUILD). */
  run: Instruction;
  /** Whether the RUN is an ONBUILD trigger, which runs in another Dockerfile's stage. */
  isTrigger: boolean;
  /** The commands of all its scripts (the command line, then heredoc bodies a shell reads), in source order. */
  commands: RunCommand[];
}

// Thirteen rules ask, each for its own package manager: one list per lint (keyed by its scripts function).
const runsByLint = new LintMemo<RuleContext["scripts"], PackageRun[]>();

/** Every RUN and ONBUILD RUN of the file with its parsed commands; scripts that did not parse give none. */
export function packageRuns(context: Pick<RuleContext, "tree" | "scripts">): readonly PackageRun[] {
  return runsByLint.get(context.scripts, context.scripts, () => readPackageRuns(context));
}

function readPackageRuns(context: Pick<RuleContext, "tree" | "scripts">): PackageRun[] {
  const out: PackageRun[] = [];
  for (const ins of context.tree.instructions) {
    const run = ins.name === "ONBUILD" ? ins.trigger : ins;
    if (!run || run.name !== "RUN") continue;
    const commands: RunCommand[] = [];
    for (const script of context.scripts(ins)) {
      if (script.kind !== "parsed") continue;
      for (const cmd of script.commands) commands.push({ cmd, dialect: script.dialect });
    }
    out.push({ ins, run, isTrigger: run !== ins, commands });
  }
  return out;
}
