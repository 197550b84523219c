import { defineRule } from "../rule.js";
import { aptConfigOptions, aptConfiguredBefore, aptGetInstall, hasOptionsVariable, type AptCommand } from "./util/shell-apt.js";
import { invocations, runInstructions, runsAny } from "./util/shell-commands.js";
import { insertArgumentAfter } from "./util/shell-edits.js";

const NO_RECOMMENDS = /APT::Install-Recommends"?\s*[=\s]\s*"?(false|no|off|0)\b/i;

function skipsRecommends(apt: AptCommand): boolean {
  for (const o of apt.parsed.options) {
    if (o.name === "no-install-recommends") return true;
    if (o.name === "install-recommends" && typeof o.value === "string" && /^(false|no|off|0)$/i.test(o.value)) return true;
  }
  return aptConfigOptions(apt).some((v) => NO_RECOMMENDS.test(v));
}

export default defineRule({
  code: "DL3015",
  name: "apt-recommends-installed",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Use `apt-get install --no-install-recommends` to leave out packages that are only recommended.",
    rationale:
      "By default apt-get also installs every recommended package, often pulling in documentation, X libraries and tools the image never uses, which makes it larger and widens its attack surface.",
    bad: "FROM debian:12.5\nRUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n",
    good: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n",
  },
  fix: { safety: "unsafe", why: "The image no longer gets the recommended packages, which something in it may rely on." },
  check(context) {
    if (!runsAny(context, "apt-get")) return;
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocations(context, ins)) {
        const apt = aptGetInstall(inv);
        if (!apt || skipsRecommends(apt) || hasOptionsVariable(inv)) continue;
        // `APT::Install-Recommends "false";` written to /etc/apt/apt.conf.d by an earlier RUN holds here too.
        if (aptConfiguredBefore(context.model, context.text, ins, NO_RECOMMENDS)) continue;
        const install = apt.subcommand!;
        context.report({
          range: { start: inv.name.range.start, end: install.range.end },
          message: `'${inv.program} install' also installs recommended packages; add --no-install-recommends.`,
          edits: [insertArgumentAfter(install, "--no-install-recommends", inv.dialect)],
        });
      }
    }
  },
});
