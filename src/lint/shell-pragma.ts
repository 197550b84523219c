// hadolint's `# hadolint shell=NAME` pragma (also `# dflint shell=`): lint the RUNs that follow as if NAME
// were their shell, for a base image whose SHELL the Dockerfile cannot see (a Windows image with PowerShell,
// an image whose /bin/sh is bash). BuildKit ignores it; it changes what the shell rules and ShellCheck assume,
// never the model.
//
// As in hadolint: the pragma holds until the next FROM or SHELL; one before the first FROM is the default of
// every stage; a stage built on an earlier stage starts with that stage's shell.
import type { Model, Stage } from "../model/model.js";
import type { Dockerfile, Instruction } from "../syntax/tree.js";

const SHELL_PRAGMA = /^#\s*(?:hadolint|dflint)\s+shell\s*=\s*(\S.*?)\s*$/;

/** The shell each instruction is linted with: the model's, or a pragma's where one is in effect. */
export function lintShells(tree: Dockerfile, model: Model): (ins: Instruction) => readonly string[] {
  const overrides = new Map<Instruction, readonly string[]>();
  const endOfStage = new Map<Stage, readonly string[] | null>();
  let fileDefault: readonly string[] | null = null;
  let current: readonly string[] | null = null;
  let seenFrom = false;
  for (const node of tree.children) {
    if (node.kind === "comment") {
      const m = SHELL_PRAGMA.exec(node.text.trim());
      if (!m) continue;
      const shell = m[1]!.split(/\s+/);
      if (!seenFrom) fileDefault = shell;
      current = shell;
      continue;
    }
    if (node.kind !== "instruction") continue;
    const ins = node as Instruction;
    if (ins.name === "FROM") {
      seenFrom = true;
      const parent = model.stageOf(ins)?.parent;
      current = parent && endOfStage.has(parent) ? endOfStage.get(parent)! : fileDefault;
    } else if (ins.name === "SHELL") {
      current = null; // a SHELL the Dockerfile shows wins from here on
    }
    if (current) overrides.set(ins, current);
    const stage = model.stageOf(ins);
    if (stage) endOfStage.set(stage, current);
  }
  if (overrides.size === 0) return (ins) => model.shellAt(ins);
  return (ins) => overrides.get(ins) ?? model.shellAt(ins);
}
