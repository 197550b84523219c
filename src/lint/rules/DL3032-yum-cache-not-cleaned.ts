import type { SimpleCommand } from "../../model/shell/types.js";
import { defineRule } from "../rule.js";
import { hasCacheMount } from "./util/packages-cache-mounts.js";
import { installsNotCleaned, removesTree } from "./util/packages-cleanup.js";
import { commandLabel, commandRange, findSubcommand, programOf } from "./util/packages-command.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

// On RHEL 8 and later yum is dnf, whose cache is /var/cache/dnf.
const CACHES = ["/var/cache/yum", "/var/cache/dnf"];

const yumInstall = (cmd: SimpleCommand) => (programOf(cmd) === "yum" ? findSubcommand(cmd, ["install"]) : undefined);
// hadolint accepts any `yum clean` (its test is "has the argument clean or all") and `rm -rf /var/cache/yum/*`.
const yumClean = (cmd: SimpleCommand) => (programOf(cmd) === "yum" && findSubcommand(cmd, ["clean"]) !== undefined) || removesTree(cmd, CACHES);

export default defineRule({
  code: "DL3032",
  name: "yum-cache-not-cleaned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Run `yum clean all` after `yum install` in the same RUN.",
    rationale:
      "yum keeps downloaded metadata and packages in /var/cache/yum; unless the same RUN removes them, they stay in the layer and grow the image.",
    bad: "FROM centos:7\nRUN yum install -y httpd-2.4.6",
    good: "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all",
  },
  fix: null, // where the clean belongs (and whether `&&` or `;`) is the author's call
  check(context) {
    if (!runsAny(context, "yum")) return;
    for (const { run, commands } of packageRuns(context)) {
      // A cache mount keeps yum's cache out of the image (as hadolint credits it for dnf, zypper and apk).
      if (hasCacheMount(run, CACHES)) continue;
      for (const { command, install } of installsNotCleaned(commands, yumInstall, yumClean)) {
        context.report({
          range: commandRange(command.cmd, install.word),
          message: `'${commandLabel(command.cmd, install.word)}' is not followed by 'yum clean all' in this RUN; yum's cache stays in the image.`,
        });
      }
    }
  },
});
