import { defineRule } from "../rule.js";
import { findSubcommand, operandsAfter, programOf } from "./util/packages-command.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

// zypper options that take the next word as their value: global ones before the subcommand, and install's.
const VALUE_OPTIONS = new Set([
  "-r", "--repo", "-t", "--type", "--from", "--download", "-R", "--root", "-c", "--config", "-D", "--reposd-dir",
  "-C", "--cache-dir", "--raw-cache-dir", "--solv-cache-dir", "--pkg-cache-dir", "--userdata", "--installroot",
]);

export default defineRule({
  code: "DL3037",
  name: "zypper-package-unpinned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Pin the versions of packages in `zypper install`.",
    rationale:
      "Without a version, zypper installs whatever the repositories hold at build time, so two builds of the same Dockerfile can differ. Pin with `name=version` or a range such as `'name>=1.2'`.",
    bad: "FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean",
    good: "FROM opensuse/leap:15.6\nRUN zypper -n install curl=8.6.0 && zypper clean",
  },
  fix: null, // which version is right is the author's call
  check(context) {
    if (!runsAny(context, "zypper")) return;
    for (const { commands } of packageRuns(context)) {
      for (const { cmd } of commands) {
        if (programOf(cmd) !== "zypper") continue;
        const install = findSubcommand(cmd, ["install", "in"]);
        if (!install) continue;
        for (const pkg of operandsAfter(cmd, install.index, VALUE_OPTIONS)) {
          const v = pkg.value;
          // `$PKGS` may hold pinned packages: what it holds is unknown, so it is not reported.
          if (v === null || v === "") continue;
          // `=`, `<`, `>`, `<=`, `>=` give a version; `.rpm` files carry theirs; `-pkg` and `!pkg` remove one.
          if (/[=<>]/.test(v) || v.endsWith(".rpm") || v.startsWith("!") || v.startsWith("-")) continue;
          context.report({ range: pkg.range, message: `Package '${v}' in 'zypper install' has no version; pin it, as '${v}=<version>'.` });
        }
      }
    }
  },
});
