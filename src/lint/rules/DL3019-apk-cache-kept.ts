import { hasFlag } from "../../model/shell/command-flags.js";
import { defineRule } from "../rule.js";
import { hasCacheMount } from "./util/packages-cache-mounts.js";
import { commandLabel, commandRange, findSubcommand, mayHideOptions, programOf } from "./util/packages-command.js";
import { insertOptionAfter } from "./util/packages-insert-option.js";
import { packageRuns } from "./util/packages-run-commands.js";
import { runsAny } from "./util/shell-commands.js";

export default defineRule({
  code: "DL3019",
  name: "apk-cache-kept",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Use `apk add --no-cache`.",
    rationale:
      "Without `--no-cache`, apk keeps the package index it downloads in the layer, and needs `apk update` first. `--no-cache` fetches a fresh index and leaves nothing behind.",
    bad: "FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r1",
    good: "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1",
  },
  fix: { safety: "safe", why: "`--no-cache` only changes where apk keeps its index, never which packages it installs.", changes: "command-option" },
  check(context) {
    if (!runsAny(context, "apk")) return;
    for (const { run, commands } of packageRuns(context)) {
      // hadolint#671: a cache mount over apk's cache keeps the index out of the image already.
      if (hasCacheMount(run, ["/var/cache/apk", "/etc/apk/cache"])) continue;
      for (const { cmd, dialect } of commands) {
        if (programOf(cmd) !== "apk") continue;
        const add = findSubcommand(cmd, ["add"]);
        if (!add || hasFlag(cmd, "--no-cache") || mayHideOptions(cmd, add.index)) continue;
        // `--no-network` downloads nothing, so there is no index to keep (docker-library's `apk add --no-network
        // --virtual .rundeps $runDeps` after the build); hadolint flags it all the same.
        if (hasFlag(cmd, "--no-network")) continue;
        context.report({
          range: commandRange(cmd, add.word),
          message: `'${commandLabel(cmd, add.word)}' has no '--no-cache'; add it so that apk's index does not stay in the image.`,
          edits: [insertOptionAfter(add.word, dialect, "--no-cache")],
        });
      }
    }
  },
});
