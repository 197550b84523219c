import { defineRule } from "../rule.js";

export default defineRule({
  code: "DL3065",
  name: "redundant-target-platform",
  aliases: ["RedundantTargetPlatform"],
  level: "warning",
  source: "hadolint+buildkit",
  docs: {
    summary: "Leave out `--platform=$TARGETPLATFORM`: it is the default.",
    rationale: "FROM already pulls the base image for the target platform; spelling it out adds nothing and suggests the stage is special.",
    bad: "FROM --platform=$TARGETPLATFORM alpine:3.20\nRUN echo hi",
    good: "FROM alpine:3.20\nRUN echo hi",
  },
  fix: null, // hadolint offers none either
  check({ model, report }) {
    for (const stage of model.stages) {
      const platform = stage.platform;
      if (!platform || platform.value === null) continue;
      const start = platform.range.start.offset;
      const end = platform.range.end.offset;
      const refs = model.references.filter((r) => r.instruction === stage.from && r.range.start.offset >= start && r.range.end.offset <= end);
      // BuildKit's test: TARGETPLATFORM is the one variable the flag uses, it is defined, and the flag
      // expands to exactly its value (`$TARGETPLATFORM`, `${TARGETPLATFORM}`, `${TARGETPLATFORM:-x}`).
      if (refs.length === 0 || refs.some((r) => r.name !== "TARGETPLATFORM" || r.declaration === null)) continue;
      const target = model.scopeAt(stage.from).get("TARGETPLATFORM")?.value ?? null;
      if (target === null || platform.value !== target) continue;
      report({ range: platform.range, message: `'--platform=${platform.raw}' is redundant: FROM already uses the target platform.` });
    }
  },
});
