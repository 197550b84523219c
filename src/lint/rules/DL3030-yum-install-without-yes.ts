import { hasFlag } from "../../model/shell/command-flags.js";
import { defineRule } from "../rule.js";
import { commandLabel, commandRange, findSubcommand, mayHideOptions, programOf } from "./util/packages-command.js";
import { insertOptionAfter } from "./util/packages-insert-option.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

// The yum subcommands that ask "Is this ok [y/N]" before installing (hadolint's list).
const INSTALLS = ["install", "groupinstall", "localinstall"];

export default defineRule({
  code: "DL3030",
  name: "yum-install-without-yes",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Use `yum install -y`.",
    rationale:
      "A build has no one to answer yum's confirmation prompt: without `-y` yum reads end of input as 'no', and the build fails.",
    bad: "FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all",
    good: "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all",
  },
  fix: { safety: "safe", why: "`-y` only answers the confirmation prompt; the packages installed are the same.", changes: "command-option" },
  check(context) {
    if (!runsAny(context, "yum")) return;
    for (const { commands } of packageRuns(context)) {
      for (const { cmd, dialect } of commands) {
        if (programOf(cmd) !== "yum") continue;
        const sub = findSubcommand(cmd, INSTALLS);
        if (!sub || hasFlag(cmd, "-y", "--assumeyes") || mayHideOptions(cmd, sub.index)) continue;
        context.report({
          range: commandRange(cmd, sub.word),
          message: `'${commandLabel(cmd, sub.word)}' has no '-y'; a build cannot answer its confirmation prompt.`,
          edits: [insertOptionAfter(sub.word, dialect, "-y")],
        });
      }
    }
  },
});
