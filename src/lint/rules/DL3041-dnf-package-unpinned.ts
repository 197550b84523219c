import { defineRule } from "../rule.js";
import { programOf } from "./util/packages-command.js";
import { unpinnedRpmSpecs } from "./util/packages-rpm-pins.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

// hadolint checks dnf and microdnf; dnf5 (Fedora 41's dnf, also called by that name) takes the same specs.
const TOOLS = ["dnf", "microdnf", "dnf5"];

export default defineRule({
  code: "DL3041",
  name: "dnf-package-unpinned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Pin the versions of packages in `dnf install`.",
    rationale:
      "Without a version, dnf installs whatever the repositories hold at build time, so two builds of the same Dockerfile can differ. Pin with `name-version`, and modules with `name:stream`.",
    bad: "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all",
    good: "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all",
  },
  fix: null, // which version is right is the author's call
  check(context) {
    if (!runsAny(context, "dnf", "dnf5", "microdnf")) return;
    for (const { commands } of packageRuns(context)) {
      for (const { cmd } of commands) {
        const tool = programOf(cmd);
        if (!tool || !TOOLS.includes(tool)) continue;
        for (const spec of unpinnedRpmSpecs(cmd)) {
          const message = spec.isModule
            ? `Module '${spec.value}' in '${tool} module install' has no stream; name one, as '${spec.value}:<stream>'.`
            : `Package '${spec.value}' in '${tool} install' has no version; pin it, as '${spec.value}-<version>'.`;
          context.report({ range: spec.word.range, message });
        }
      }
    }
  },
});
