import { defineRule } from "../rule.js";
import { invocations, runInstructions, runOf } from "./util/shell-commands.js";
import { insertArgumentAfter } from "./util/shell-edits.js";
import { hasCacheMountOver } from "./util/shell-mounts.js";
import { hasOption } from "./util/shell-options.js";
import { pipInstall } from "./util/shell-pip.js";

// The values pip reads as true for PIP_NO_CACHE_DIR (hadolint's list, in any case).
const TRUTHY = /^(1|true|on|yes)$/i;

export default defineRule({
  code: "DL3042",
  name: "pip-cache-kept",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Use `pip install --no-cache-dir` so pip's download cache stays out of the image.",
    rationale:
      "pip keeps every wheel it downloads in ~/.cache/pip; in an image that cache is dead weight, often as large as the packages themselves.",
    bad: "FROM python:3.12-slim\nRUN pip install flask==3.0.3\n",
    good: "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n",
  },
  fix: { safety: "safe", why: "--no-cache-dir only keeps pip from saving what it downloads; the same packages are installed.", changes: "command-option" },
  check(context) {
    const { model, text } = context;
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      const installs = invocations(context, ins).flatMap((inv) => {
        const pip = pipInstall(inv);
        // pipx and pipenv manage their own environments; hadolint leaves them be.
        return pip && !pip.isPipx && !hasOption(pip.parsed, "no-cache-dir") ? [{ inv, pip }] : [];
      });
      // Most RUNs install nothing with pip: the scope and mount checks below are for those that do.
      if (installs.length === 0) continue;
      // PIP_NO_CACHE_DIR set by ENV (or ARG, which RUN sees in its environment too), in this stage or one it builds on.
      const declared = model.scopeAt(ins).get("PIP_NO_CACHE_DIR");
      if (declared && (declared.kind === "env" || declared.kind === "arg") && declared.value !== null && TRUTHY.test(declared.value)) continue;
      // ... or in the RUN itself: `PIP_NO_CACHE_DIR=1 pip install`, `export PIP_NO_CACHE_DIR=true`.
      const run = runOf(ins);
      if (/PIP_NO_CACHE_DIR=["']?(1|true|on|yes)\b/i.test(text.slice(run.range.start.offset, run.range.end.offset))) continue;
      // A cache or tmpfs mount over pip's cache keeps it out of the layer (hadolint#497).
      if (hasCacheMountOver(ins, ".cache/pip") || hasCacheMountOver(ins, "/root/.cache/pip")) continue;
      for (const { inv, pip } of installs) {
        context.report({
          range: { start: inv.name.range.start, end: pip.install.range.end },
          message: `'${pip.spelled}' keeps its download cache in the image; add --no-cache-dir.`,
          edits: [insertArgumentAfter(pip.install, "--no-cache-dir", inv.dialect)],
        });
      }
    }
  },
});
