import type { Model, Stage } from "../../model/model.js";
import type { Instruction } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { invocationsOf, runInstructions } from "./util/shell-commands.js";
import { insertArgumentAfter } from "./util/shell-edits.js";
import { parseOptions } from "./util/shell-options.js";

// GNU wget's short options that take a value; `-nv` is `-n` with the value `v` (its -n takes letters).
const WGET_OPTIONS = { shortWithValue: "oaieOPtTwQUDRAIXlBn", longWithValue: ["output-file", "append-output", "progress"] };

// Alpine and BusyBox images run BusyBox's wget, which knows no --progress: the fix would break the build there.
function mayBeBusybox(model: Model, ins: Instruction): boolean {
  let stage: Stage | null = model.stageOf(ins);
  for (let depth = 0; stage && depth < 64; depth++) {
    if (stage.base.kind === "image" && /alpine|busybox/i.test(stage.base.text)) return true;
    if (stage.base.kind !== "stage") return false;
    stage = stage.parent;
  }
  return stage === null;
}

export default defineRule({
  code: "DL3047",
  name: "wget-progress-noisy",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Use `wget --progress=dot:giga` (or -q, -nv) so downloads do not flood the build log.",
    rationale:
      "Without a terminal wget falls back to a dot progress display that prints a line every few kilobytes: a large download writes thousands of lines into the build output.",
    bad: "FROM debian:12.5\nRUN wget https://example.com/app.tar.gz\n",
    good: "FROM debian:12.5\nRUN wget --progress=dot:giga https://example.com/app.tar.gz\n",
  },
  fix: { safety: "safe", why: "--progress=dot:giga only changes how progress is printed (given only where the image is not BusyBox-based).", changes: "command-option" },
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocationsOf(context, ins, "wget")) {
        const { options } = parseOptions(inv.args, WGET_OPTIONS);
        // hadolint's list: --progress, -q/--quiet, -nv/--no-verbose, and a log file (-o/--output-file,
        // -a/--append-output), where the progress goes instead of the build output.
        const quiet = options.some(
          (o) =>
            ["progress", "q", "quiet", "no-verbose", "o", "output-file", "a", "append-output"].includes(o.name) ||
            (o.name === "n" && typeof o.value === "string" && o.value.includes("v")),
        );
        if (quiet) continue;
        context.report({
          range: inv.name.range,
          message: `'wget' without --progress, -q or -nv prints a progress line every few kilobytes into the build log.`,
          ...(mayBeBusybox(context.model, ins) ? {} : { edits: [insertArgumentAfter(inv.name, "--progress=dot:giga", inv.dialect)] }),
        });
      }
    }
  },
});
