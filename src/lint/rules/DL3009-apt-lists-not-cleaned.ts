import type { Stage } from "../../model/model.js";
import type { Instruction } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { readApt } from "./util/shell-apt.js";
import { invocations, runInstructions, type Invocation, runsAny } from "./util/shell-commands.js";
import { hasCacheMountOver } from "./util/shell-mounts.js";
import { parseOptions } from "./util/shell-options.js";

const LISTS = "/var/lib/apt/lists";

// `rm -rf /var/lib/apt/lists/*` and its spellings: recursive, on the lists (or a directory above them). Also
// `apt-get dist-clean` (apt 2.7 and later), which removes the lists, as Debian's own images now do.
function removesLists(inv: Invocation): boolean {
  if (inv.program === "apt-get" || inv.program === "apt") return readApt(inv).subcommand?.value === "dist-clean";
  if (inv.program !== "rm") return false;
  const rm = parseOptions(inv.args);
  if (!rm.options.some((o) => o.name === "r" || o.name === "R" || o.name === "recursive")) return false;
  return rm.operands.some((w) => {
    const path = w.value?.replace(/(\/\*+)?\/*$/, "");
    return path !== undefined && path !== "" && (path === LISTS || LISTS.startsWith(path + "/"));
  });
}

export default defineRule({
  code: "DL3009",
  name: "apt-lists-not-cleaned",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Remove /var/lib/apt/lists/* in the RUN that runs `apt-get update`.",
    rationale:
      "The package lists that `apt-get update` downloads are tens of megabytes that stay in the layer unless the same RUN deletes them; a later RUN cannot take them out of the image.",
    bad: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n",
    good: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 && rm -rf /var/lib/apt/lists/*\n",
  },
  fix: null, // where the cleanup belongs in the script is the author's call
  check(context) {
    if (!runsAny(context, "apt-get", "apt", "aptitude")) return;
    const { model } = context;
    // hadolint reports this only for the stages that end up in an image: the last one, and those another FROM builds on
    // (their layers are the next stage's). The build target counts too. A build stage's layers are thrown away.
    const kept = new Set<Stage>();
    const last = model.stages[model.stages.length - 1];
    if (last) kept.add(last);
    if (model.target) kept.add(model.target);
    for (const s of model.stages) if (s.parent) kept.add(s.parent);
    const matters = (ins: Instruction): boolean => {
      // An ONBUILD trigger runs in whatever image builds on this one; hadolint always reports it.
      if (ins.name === "ONBUILD") return true;
      const stage = model.stageOf(ins);
      return stage === null ? model.stages.length === 0 : kept.has(stage);
    };

    for (const ins of runInstructions(context.tree, true)) {
      if (!matters(ins)) continue;
      const all = invocations(context, ins);
      const update = all.find((inv) => ["apt-get", "apt", "aptitude"].includes(inv.program) && readApt(inv).subcommand?.value === "update");
      if (!update || all.some(removesLists)) continue;
      // A cache or tmpfs mount over the lists keeps them out of the layer (hadolint#943).
      if (hasCacheMountOver(ins, LISTS)) continue;
      const sub = readApt(update).subcommand!;
      context.report({
        range: { start: update.name.range.start, end: sub.range.end },
        message: `'${update.program} update' leaves the package lists in the layer; remove ${LISTS}/* in the same RUN.`,
      });
    }
  },
});
