import { defineRule } from "../rule.js";
import { invocationsOf, runInstructions, shown } from "./util/shell-commands.js";
import { hasOption, parseOptions } from "./util/shell-options.js";

// `gem install`'s options that take a value.
const GEM_OPTIONS = {
  shortWithValue: "vinPBs",
  longWithValue: ["version", "platform", "install-dir", "bindir", "build-root", "trust-policy", "without", "bulk-threshold", "source", "config-file"],
};

export default defineRule({
  code: "DL3028",
  name: "gem-unpinned",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Pin the versions of gems installed with `gem install`.",
    rationale:
      "`gem install bundler` takes whatever release is newest when the image is built, so rebuilding the same Dockerfile can bring in breaking changes.",
    bad: "FROM ruby:3.3-slim\nRUN gem install bundler\n",
    good: "FROM ruby:3.3-slim\nRUN gem install bundler:2.5.9\n",
  },
  fix: null, // which version to pin is the author's call
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocationsOf(context, ins, "gem")) {
        const gem = parseOptions(inv.args, GEM_OPTIONS);
        const [sub] = gem.operands;
        if (sub?.value !== "install" && sub?.value !== "i") continue;
        // -v/--version pins every gem of the command.
        if (hasOption(gem, "v", "version")) continue;
        // After `--` come build arguments for the gems' native extensions, not gems.
        const gems = gem.operands.slice(1).filter((w) => !gem.afterDashDash.includes(w));
        for (const g of gems) {
          // `$GEMS` may hold pinned names: unknown is not unpinned. `name:version` is pinned.
          if (g.value === null || g.value.includes(":")) continue;
          context.report({ range: g.range, message: `Gem '${shown(g)}' is not pinned; install '${g.value}:<version>'.` });
        }
      }
    }
  },
});
