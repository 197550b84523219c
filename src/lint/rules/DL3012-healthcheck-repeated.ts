import type { Instruction } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { deleteInstruction } from "./util/instructions-ranges.js";

export default defineRule({
  code: "DL3012",
  name: "healthcheck-repeated",
  level: "error",
  // BuildKit flags the same repeats under one name for CMD, ENTRYPOINT and HEALTHCHECK, at the earlier
  // instruction; hadolint's codes and places are kept, and the name is an alias of all three.
  aliases: ["MultipleInstructionsDisallowed"],
  source: "hadolint+buildkit",
  docs: {
    summary: "Give a stage one HEALTHCHECK.",
    rationale: "Only the last HEALTHCHECK of a stage takes effect; the earlier ones do nothing and mislead the reader.",
    bad: "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/",
    good: "FROM nginx:1.27\nHEALTHCHECK CMD wget -q -O /dev/null http://localhost/",
  },
  fix: { safety: "safe", why: "Only the last HEALTHCHECK of a stage is kept in the image, so deleting the earlier one changes nothing that is built.", changes: "overridden-deleted" },
  check({ text, model, report }) {
    // hadolint: per stage, every HEALTHCHECK after the first; ONBUILD HEALTHCHECK belongs to a later build.
    for (const stage of model.stages) {
      let previous: Instruction | null = null;
      for (const ins of stage.instructions) {
        if (ins.name !== "HEALTHCHECK") continue;
        if (previous) {
          report({
            range: ins.keyword.range,
            message: `HEALTHCHECK is given again in this stage; the one on line ${previous.range.start.line + 1} has no effect.`,
            edits: [deleteInstruction(text, previous)],
          });
        }
        previous = ins;
      }
    }
  },
});
