import { defineRule } from "../rule.js";

// BuildKit gives these names their own meaning: `scratch` is the empty image, and `context` is the
// name a build context is addressed by (`--build-context`, named contexts).
const RESERVED = new Set(["scratch", "context"]);

export default defineRule({
  code: "DL3063",
  name: "reserved-stage-name",
  aliases: ["ReservedStageName"],
  level: "warning",
  source: "hadolint+buildkit",
  docs: {
    summary: "Do not name a stage `scratch` or `context`.",
    rationale:
      "`scratch` is the empty image and `context` a build context name; a stage with either name is confusing at best, and `FROM scratch` after it still means the empty image, not the stage.",
    bad: "FROM alpine:3.20 AS scratch\nRUN echo hi",
    good: "FROM alpine:3.20 AS base\nRUN echo hi",
  },
  fix: null, // the new name is the author's call
  check({ model, report }) {
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameRange === null || !RESERVED.has(stage.name)) continue;
      report({ range: stage.nameRange, message: `Stage name '${stage.nameAsWritten}' is reserved by BuildKit; choose another name.` });
    }
  },
});
