import { defineRule } from "../rule.js";
import { aptGetInstall } from "./util/shell-apt.js";
import { invocations, runInstructions, shown, runsAny } from "./util/shell-commands.js";

export default defineRule({
  code: "DL3008",
  name: "apt-package-unpinned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Pin the versions of packages installed with `apt-get install`.",
    rationale:
      "Without `package=version`, each build installs whatever the mirror has that day, so two builds of the same Dockerfile can differ and break without any change to it.",
    bad: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
    good: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n",
  },
  fix: null, // which version to pin is the author's call
  check(context) {
    if (!runsAny(context, "apt-get")) return;
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocations(context, ins)) {
        const apt = aptGetInstall(inv);
        if (!apt) continue;
        for (const pkg of apt.packages) {
          const v = pkg.value;
          // `$PACKAGES` may well hold pinned names: unknown is not unpinned. hadolint flags it; dflint does not.
          if (v === null) continue;
          // `name=version`, `name/release` (a release pin) and local `.deb` files are pinned.
          if (v.includes("=") || v.includes("/") || v.endsWith(".deb") || v === "install") continue;
          context.report({ range: pkg.range, message: `Package '${shown(pkg)}' is not pinned; install '${v}=<version>'.` });
        }
      }
    }
  },
});
