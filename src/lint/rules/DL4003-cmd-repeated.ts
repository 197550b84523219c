import type { Instruction } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { deleteInstruction } from "./util/instructions-ranges.js";

export default defineRule({
  code: "DL4003",
  name: "cmd-repeated",
  level: "warning",
  // BuildKit flags the same repeats under one name for CMD, ENTRYPOINT and HEALTHCHECK, at the earlier
  // instruction; hadolint's codes and places are kept, and the name is an alias of all three.
  aliases: ["MultipleInstructionsDisallowed"],
  source: "hadolint+buildkit",
  docs: {
    summary: "Give a stage one CMD.",
    rationale: "Only the last CMD of a stage takes effect; the earlier ones do nothing and mislead the reader.",
    bad: 'FROM python:3.12-slim\nCMD ["python", "manage.py", "migrate"]\nCMD ["gunicorn", "app.wsgi"]',
    good: 'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]',
  },
  // An ENTRYPOINT clears an inherited CMD only while the stage has set none, and any CMD after it sets
  // it again, so the last CMD is the image's whether or not the earlier ones are there.
  fix: { safety: "safe", why: "Only the last CMD of a stage is kept in the image, so deleting the earlier one changes nothing that is built.", changes: "overridden-deleted" },
  check({ text, model, report }) {
    // hadolint: per stage, every CMD after the first; ONBUILD CMD belongs to a later build.
    for (const stage of model.stages) {
      let previous: Instruction | null = null;
      for (const ins of stage.instructions) {
        if (ins.name !== "CMD") continue;
        if (previous) {
          report({
            range: ins.keyword.range,
            message: `CMD is given again in this stage; the one on line ${previous.range.start.line + 1} has no effect.`,
            edits: [deleteInstruction(text, previous)],
          });
        }
        previous = ins;
      }
    }
  },
});
