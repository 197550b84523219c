import { defineRule } from "../rule.js";
import { commandLabel, commandRange, findSubcommand, programOf } from "./util/packages-command.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

export default defineRule({
  code: "DL3035",
  name: "zypper-dist-upgrade",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Do not run `zypper dist-upgrade` in a Dockerfile.",
    rationale:
      "`zypper dist-upgrade` moves the whole image to whatever the repositories hold today, possibly a new distribution release; the build stops being repeatable. Use a newer base image instead.",
    bad: "FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade && zypper clean",
    good: "FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean",
  },
  fix: null, // removing the upgrade changes what is built; a newer base image is the author's call
  check(context) {
    if (!runsAny(context, "zypper")) return;
    for (const { commands } of packageRuns(context)) {
      for (const { cmd } of commands) {
        if (programOf(cmd) !== "zypper") continue;
        const sub = findSubcommand(cmd, ["dist-upgrade", "dup"]);
        if (!sub) continue;
        context.report({ range: commandRange(cmd, sub.word), message: `'${commandLabel(cmd, sub.word)}' upgrades the whole base image; use a newer base image instead.` });
      }
    }
  },
});
