import { defineRule } from "../rule.js";
import { programOf } from "./util/packages-command.js";
import { unpinnedRpmSpecs } from "./util/packages-rpm-pins.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

export default defineRule({
  code: "DL3033",
  name: "yum-package-unpinned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Pin the versions of packages in `yum install`.",
    rationale:
      "Without a version, yum installs whatever the repositories hold at build time, so two builds of the same Dockerfile can differ. Pin with `name-version`, and modules with `name:stream`.",
    bad: "FROM centos:7\nRUN yum install -y httpd && yum clean all",
    good: "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all",
  },
  fix: null, // which version is right is the author's call
  check(context) {
    if (!runsAny(context, "yum")) return;
    for (const { commands } of packageRuns(context)) {
      for (const { cmd } of commands) {
        if (programOf(cmd) !== "yum") continue;
        for (const spec of unpinnedRpmSpecs(cmd)) {
          const message = spec.isModule
            ? `Module '${spec.value}' in 'yum module install' has no stream; name one, as '${spec.value}:<stream>'.`
            : `Package '${spec.value}' in 'yum install' has no version; pin it, as '${spec.value}-<version>'.`;
          context.report({ range: spec.word.range, message });
        }
      }
    }
  },
});
