import type { Instruction } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { deleteInstruction } from "./util/instructions-ranges.js";

export default defineRule({
  code: "DL4004",
  name: "entrypoint-repeated",
  level: "error",
  // BuildKit flags the same repeats under one name for CMD, ENTRYPOINT and HEALTHCHECK, at the earlier
  // instruction; hadolint's codes and places are kept, and the name is an alias of all three.
  aliases: ["MultipleInstructionsDisallowed"],
  source: "hadolint+buildkit",
  docs: {
    summary: "Give a stage one ENTRYPOINT.",
    rationale: "Only the last ENTRYPOINT of a stage takes effect; the earlier ones do nothing and mislead the reader.",
    bad: 'FROM alpine:3.20\nENTRYPOINT ["/bin/sh"]\nENTRYPOINT ["/usr/local/bin/app"]',
    good: 'FROM alpine:3.20\nENTRYPOINT ["/usr/local/bin/app"]',
  },
  // Each ENTRYPOINT clears an inherited CMD when the stage has set no CMD yet; the last one does the
  // same, so dropping an earlier one leaves both ENTRYPOINT and CMD as they were.
  fix: { safety: "safe", why: "Only the last ENTRYPOINT of a stage is kept in the image, so deleting the earlier one changes nothing that is built.", changes: "overridden-deleted" },
  check({ text, model, report }) {
    // hadolint: per stage, every ENTRYPOINT after the first; ONBUILD ENTRYPOINT belongs to a later build.
    for (const stage of model.stages) {
      let previous: Instruction | null = null;
      for (const ins of stage.instructions) {
        if (ins.name !== "ENTRYPOINT") continue;
        if (previous) {
          report({
            range: ins.keyword.range,
            message: `ENTRYPOINT is given again in this stage; the one on line ${previous.range.start.line + 1} has no effect.`,
            edits: [deleteInstruction(text, previous)],
          });
        }
        previous = ins;
      }
    }
  },
});
