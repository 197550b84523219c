import type { SimpleCommand } from "../../model/shell/types.js";
import { defineRule } from "../rule.js";
import { hasCacheMount } from "./util/packages-cache-mounts.js";
import { installsNotCleaned, removesTree } from "./util/packages-cleanup.js";
import { commandLabel, commandRange, findSubcommand, programOf } from "./util/packages-command.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

const CACHES = ["/var/cache/zypp"];

const zypperInstall = (cmd: SimpleCommand) => (programOf(cmd) === "zypper" ? findSubcommand(cmd, ["install", "in"]) : undefined);
const zypperClean = (cmd: SimpleCommand) =>
  (programOf(cmd) === "zypper" && findSubcommand(cmd, ["clean", "cc"]) !== undefined) || removesTree(cmd, CACHES);

export default defineRule({
  code: "DL3036",
  name: "zypper-cache-not-cleaned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Run `zypper clean` after `zypper install` in the same RUN.",
    rationale:
      "zypper keeps repository metadata and packages in /var/cache/zypp; unless the same RUN removes them, they stay in the layer and grow the image.",
    bad: "FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0",
    good: "FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean --all",
  },
  fix: null, // where the clean belongs is the author's call
  check(context) {
    if (!runsAny(context, "zypper")) return;
    for (const { run, commands } of packageRuns(context)) {
      // hadolint: a cache or tmpfs mount over /var/cache/zypp keeps the cache out of the image.
      if (hasCacheMount(run, CACHES)) continue;
      for (const { command, install } of installsNotCleaned(commands, zypperInstall, zypperClean)) {
        context.report({
          range: commandRange(command.cmd, install.word),
          message: `'${commandLabel(command.cmd, install.word)}' is not followed by 'zypper clean' in this RUN; zypper's cache stays in the image.`,
        });
      }
    }
  },
});
