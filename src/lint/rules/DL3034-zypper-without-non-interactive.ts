import { hasFlag } from "../../model/shell/command-flags.js";
import { defineRule } from "../rule.js";
import { commandLabel, commandRange, findSubcommand, mayHideOptions, programOf } from "./util/packages-command.js";
import { insertOptionAfter } from "./util/packages-insert-option.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

// The zypper subcommands that ask for confirmation (hadolint's list, short forms included).
const PROMPTING = ["install", "in", "remove", "rm", "source-install", "si", "patch"];

export default defineRule({
  code: "DL3034",
  name: "zypper-without-non-interactive",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Run zypper non-interactively: `zypper -n install`.",
    rationale:
      "A build has no one to answer zypper's prompts; without `-n` (`--non-interactive`) or the command's `-y` (`--no-confirm`) the build stops or fails.",
    bad: "FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0 && zypper clean",
    good: "FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean",
  },
  // The global `-n` goes right after `zypper`, before the subcommand, where zypper reads global options; it
  // works with every subcommand, which the command option `-y` does not (zypper(8) recommends `-n`).
  fix: { safety: "safe", why: "`-n` only answers zypper's prompts with their defaults; the packages are the same.", changes: "command-option" },
  check(context) {
    if (!runsAny(context, "zypper")) return;
    for (const { commands } of packageRuns(context)) {
      for (const { cmd, dialect } of commands) {
        if (programOf(cmd) !== "zypper") continue;
        const sub = findSubcommand(cmd, PROMPTING);
        if (!sub || mayHideOptions(cmd, sub.index)) continue;
        // `-n` is the global option only before the subcommand; after `install` it means `--name`.
        const globals = { ...cmd, args: cmd.args.slice(0, sub.index) };
        if (hasFlag(globals, "-n", "--non-interactive") || hasFlag(cmd, "-y", "--no-confirm")) continue;
        context.report({
          range: commandRange(cmd, sub.word),
          message: `'${commandLabel(cmd, sub.word)}' has no '-n' ('--non-interactive'); without it zypper stops at its prompts.`,
          edits: [insertOptionAfter(cmd.name!, dialect, "-n")],
        });
      }
    }
  },
});
