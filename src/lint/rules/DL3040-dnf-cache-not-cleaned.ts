import type { SimpleCommand } from "../../model/shell/types.js";
import { defineRule } from "../rule.js";
import { hasCacheMount } from "./util/packages-cache-mounts.js";
import { installsNotCleaned, removesTree } from "./util/packages-cleanup.js";
import { commandLabel, commandRange, findSubcommand, programOf } from "./util/packages-command.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

// hadolint's subcommands that fill the cache; `update` is dnf's own alias of `upgrade`.
const FILLING = ["install", "in", "upgrade", "up", "update", "upgrade-minimal", "up-min", "reinstall", "rei"];
// dnf4 caches in /var/cache/dnf, dnf5 in /var/cache/libdnf5, microdnf in /var/cache/yum.
const CACHES = ["/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/yum"];
const MOUNTS = [...CACHES, ".cache/libdnf5"];

// dnf5 is installed as dnf too: either name cleans what the other installed; microdnf has its own command.
const family = (tool: string | null) => (tool === "dnf" || tool === "dnf5" ? "dnf" : tool === "microdnf" ? "microdnf" : null);

export default defineRule({
  code: "DL3040",
  name: "dnf-cache-not-cleaned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Run `dnf clean all` after `dnf install` in the same RUN.",
    rationale:
      "dnf keeps repository metadata and packages in its cache directory; unless the same RUN removes them, they stay in the layer and grow the image.",
    bad: "FROM fedora:40\nRUN dnf install -y httpd-2.4.62",
    good: "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all",
  },
  fix: null, // where the clean belongs is the author's call
  check(context) {
    if (!runsAny(context, "dnf", "dnf5", "microdnf")) return;
    for (const { run, commands } of packageRuns(context)) {
      // hadolint: a cache or tmpfs mount over dnf's cache keeps it out of the image.
      if (hasCacheMount(run, MOUNTS)) continue;
      for (const tool of ["dnf", "microdnf"]) {
        const install = (cmd: SimpleCommand) => (family(programOf(cmd)) === tool ? findSubcommand(cmd, FILLING) : undefined);
        const clean = (cmd: SimpleCommand) => (family(programOf(cmd)) === tool && findSubcommand(cmd, ["clean"]) !== undefined) || removesTree(cmd, CACHES);
        for (const { command, install: sub } of installsNotCleaned(commands, install, clean)) {
          context.report({
            range: commandRange(command.cmd, sub.word),
            message: `'${commandLabel(command.cmd, sub.word)}' is not followed by '${programOf(command.cmd)} clean all' in this RUN; its cache stays in the image.`,
          });
        }
      }
    }
  },
});
