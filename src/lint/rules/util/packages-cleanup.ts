// "Clean the cache after installing" rules (DL3032, DL3036, DL3040, DL3060): an install leaves the package
// manager's cache in the layer unless a later command of the same RUN removes it; a clean placed before the
// install does nothing for it (hadolint compares command indexes).
import type { SimpleCommand } from "../../../model/shell/types.js";
import { hasFlag } from "../../../model/shell/command-flags.js";
import { programOf } from "./packages-command.js";
import type { RunCommand } from "./packages-run-commands.js";

/** The commands matched by `isInstall` that no command matched by `isClean` follows. */
export function installsNotCleaned<T>(
  commands: readonly RunCommand[],
  isInstall: (cmd: SimpleCommand) => T | undefined,
  isClean: (cmd: SimpleCommand) => boolean,
): Array<{ command: RunCommand; install: T }> {
  const out: Array<{ command: RunCommand; install: T }> = [];
  for (const command of commands) {
    if (isClean(command.cmd)) out.length = 0; // cleans up after every install before it
    const install = isInstall(command.cmd);
    if (install !== undefined) out.push({ command, install });
  }
  return out;
}

/** Whether the command is `rm -r` (`-rf`, `--recursive`) of a path that starts with one of `prefixes`. */
export function removesTree(cmd: SimpleCommand, prefixes: readonly string[]): boolean {
  if (programOf(cmd) !== "rm" || !hasFlag(cmd, "-r", "-R", "--recursive")) return false;
  return cmd.args.some((a) => a.value !== null && prefixes.some((p) => a.value!.startsWith(p)));
}
