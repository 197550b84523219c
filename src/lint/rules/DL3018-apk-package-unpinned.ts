import { defineRule } from "../rule.js";
import { findSubcommand, operandsAfter, programOf } from "./util/packages-command.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

// apk options that take a value as the next word; hadolint drops the values of -t, --virtual, --repository
// and -X, and the global options below name a directory or a number, never a package.
const VALUE_OPTIONS = new Set([
  "-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir",
  "--repositories-file", "--cache-max-age", "--timeout", "--wait", "--progress-fd",
]);

export default defineRule({
  code: "DL3018",
  name: "apk-package-unpinned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Pin the versions of packages in `apk add`.",
    rationale:
      "Without a version, `apk add` takes whatever the repository holds at build time, so two builds of the same Dockerfile can differ. Pin with `pkg=1.2.3` or a range such as `pkg~1.2`.",
    bad: "FROM alpine:3.20\nRUN apk add --no-cache curl",
    good: "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1",
  },
  fix: null, // which version is right is the author's call
  check(context) {
    if (!runsAny(context, "apk")) return;
    for (const { commands } of packageRuns(context)) {
      for (const { cmd } of commands) {
        if (programOf(cmd) !== "apk") continue;
        const add = findSubcommand(cmd, ["add"]);
        if (!add) continue;
        for (const pkg of operandsAfter(cmd, add.index, VALUE_OPTIONS)) {
          const v = pkg.value;
          // `$PKGS` may hold pinned packages: what it holds is unknown, so it is not reported (hadolint#393).
          if (v === null) continue;
          // `=1.2`, `~1.2`, `>=1.2` and `<2` constrain the version; `.apk` files carry theirs; `!pkg` forbids one.
          if (/[=~<>]/.test(v) || v.endsWith(".apk") || v.startsWith("!")) continue;
          context.report({ range: pkg.range, message: `Package '${v}' in 'apk add' has no version; pin it, as '${v}=<version>'.` });
        }
      }
    }
  },
});
