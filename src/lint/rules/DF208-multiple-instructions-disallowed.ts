import type { Instruction } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";

const ONCE = ["CMD", "ENTRYPOINT", "HEALTHCHECK"];

export default defineRule({
  code: "DF208",
  name: "multiple-instructions-disallowed",
  aliases: ["MultipleInstructionsDisallowed"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Use CMD, ENTRYPOINT and HEALTHCHECK at most once per stage.",
    rationale: "Only the last one of each takes effect; an earlier one is dead code that misleads the reader.",
    bad: 'FROM alpine:3.20\nCMD ["echo", "one"]\nCMD ["echo", "two"]',
    good: 'FROM alpine:3.20\nCMD ["echo", "two"]',
  },
  fix: null, // which one was meant is the author's call
  check({ model, report }) {
    // Per stage (a stage built on another starts counting afresh). As BuildKit does, the finding is on
    // the earlier instruction: that is the one that is ignored. ONBUILD triggers do not count.
    for (const stage of model.stages) {
      const last = new Map<string, Instruction>();
      for (const ins of stage.instructions) {
        if (!ONCE.includes(ins.name)) continue;
        const earlier = last.get(ins.name);
        if (earlier) {
          report({
            range: earlier.keyword.range,
            message: `Multiple ${ins.name} instructions should not be used in the same stage: the one on line ${ins.startLine} replaces this one.`,
          });
        }
        last.set(ins.name, ins);
      }
    }
  },
});
