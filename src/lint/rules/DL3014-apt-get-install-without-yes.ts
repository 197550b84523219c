import { defineRule } from "../rule.js";
import { aptConfigOptions, aptConfiguredBefore, aptGetInstall, hasOptionsVariable, type AptCommand } from "./util/shell-apt.js";
import { invocations, runInstructions, runsAny } from "./util/shell-commands.js";
import { insertArgumentAfter } from "./util/shell-edits.js";

// apt-get answers its own questions with -y/--yes/--assume-yes, and with -qq (two quiet levels imply -y).
function answersYes(apt: AptCommand): boolean {
  let quiet = 0;
  for (const o of apt.parsed.options) {
    if (o.name === "y" || o.name === "yes" || o.name === "assume-yes") return true;
    if (o.name === "q" || o.name === "quiet") quiet += typeof o.value === "string" && /^\d+$/.test(o.value) ? Number(o.value) : 1;
  }
  return quiet >= 2 || aptConfigOptions(apt).some((v) => ASSUME_YES.test(v));
}

const ASSUME_YES = /APT::Get::Assume-Yes"?\s*[=\s]\s*"?(true|yes|1)\b/i;

export default defineRule({
  code: "DL3014",
  name: "apt-get-install-without-yes",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Use `apt-get install -y` so the install does not stop for a confirmation.",
    rationale:
      "A build has no one to answer apt-get's \"Do you want to continue?\"; without -y the prompt reads end of input and the install aborts.",
    bad: "FROM debian:12.5\nRUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n",
    good: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n",
  },
  fix: { safety: "safe", why: "-y only answers the confirmation prompt that would otherwise abort the install.", changes: "command-option" },
  check(context) {
    if (!runsAny(context, "apt-get")) return;
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocations(context, ins)) {
        const apt = aptGetInstall(inv);
        if (!apt || answersYes(apt) || hasOptionsVariable(inv)) continue;
        // `APT::Get::Assume-Yes "true";` written to /etc/apt/apt.conf.d by an earlier RUN holds here too.
        if (aptConfiguredBefore(context.model, context.text, ins, ASSUME_YES)) continue;
        const install = apt.subcommand!;
        context.report({
          range: { start: inv.name.range.start, end: install.range.end },
          message: `'${inv.program} install' without -y stops at the confirmation prompt; add -y.`,
          edits: [insertArgumentAfter(install, "-y", inv.dialect)],
        });
      }
    }
  },
});
