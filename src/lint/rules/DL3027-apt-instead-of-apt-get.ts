import { defineRule } from "../rule.js";
import { readApt } from "./util/shell-apt.js";
import { invocationsOf, runInstructions } from "./util/shell-commands.js";
import { appendToWord } from "./util/shell-edits.js";

// The apt subcommands that apt-get has too, with the same meaning; `apt search`, `apt list` or `apt full-upgrade`
// have no apt-get spelling of the same name, so those findings get no fix.
const APT_GET_SUBCOMMANDS = new Set([
  "update", "upgrade", "install", "reinstall", "remove", "purge", "autoremove", "autopurge", "clean", "autoclean",
  "dist-upgrade", "build-dep", "source", "download", "check", "changelog", "satisfy", "markauto", "unmarkauto",
]);

export default defineRule({
  code: "DL3027",
  name: "apt-instead-of-apt-get",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Use `apt-get` (or `apt-cache`) in scripts, not `apt`.",
    rationale:
      "apt is meant for people at a terminal: its output and behaviour may change between releases and it warns that it has no stable command-line interface; apt-get is the stable one for scripts.",
    bad: "FROM debian:12.5\nRUN apt update && apt install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n",
    good: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n",
  },
  fix: { safety: "unsafe", why: "apt-get differs from apt in small ways (progress output, defaults such as apt's extra confirmations and colours)." },
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocationsOf(context, ins, "apt")) {
        const sub = readApt(inv).subcommand?.value;
        const edit = sub && APT_GET_SUBCOMMANDS.has(sub) ? appendToWord(context.text, inv.name, "-get", inv.dialect) : null;
        context.report({
          range: inv.name.range,
          message: `'apt${sub ? ` ${sub}` : ""}' is meant for terminals; use 'apt-get' in scripts.`,
          ...(edit ? { edits: [edit] } : {}),
        });
      }
    }
  },
});
