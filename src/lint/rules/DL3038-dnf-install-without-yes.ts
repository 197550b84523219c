import { hasFlag } from "../../model/shell/command-flags.js";
import { defineRule } from "../rule.js";
import { commandLabel, commandRange, findSubcommand, mayHideOptions, programOf } from "./util/packages-command.js";
import { insertOptionAfter } from "./util/packages-insert-option.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

// hadolint checks dnf and microdnf; dnf5 (Fedora 41's dnf, also called by that name) prompts the same way.
const TOOLS = ["dnf", "microdnf", "dnf5"];
const INSTALLS = ["install", "groupinstall", "localinstall"];

export default defineRule({
  code: "DL3038",
  name: "dnf-install-without-yes",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Use `dnf install -y`.",
    rationale:
      "A build has no one to answer dnf's confirmation prompt: without `-y` dnf reads end of input as 'no', and the build fails.",
    bad: "FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all",
    good: "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all",
  },
  fix: { safety: "safe", why: "`-y` only answers the confirmation prompt; the packages installed are the same.", changes: "command-option" },
  check(context) {
    if (!runsAny(context, "dnf", "dnf5", "microdnf")) return;
    for (const { commands } of packageRuns(context)) {
      for (const { cmd, dialect } of commands) {
        const tool = programOf(cmd);
        if (!tool || !TOOLS.includes(tool)) continue;
        const sub = findSubcommand(cmd, INSTALLS);
        if (!sub || hasFlag(cmd, "-y", "--assumeyes") || mayHideOptions(cmd, sub.index)) continue;
        // `--setopt=assumeyes=1` sets the same configuration option as `-y`.
        if (cmd.args.some((a) => a.value !== null && /^--setopt=assumeyes=(1|true|yes|on)$/i.test(a.value))) continue;
        context.report({
          range: commandRange(cmd, sub.word),
          message: `'${commandLabel(cmd, sub.word)}' has no '-y'; a build cannot answer its confirmation prompt.`,
          edits: [insertOptionAfter(sub.word, dialect, "-y")],
        });
      }
    }
  },
});
