import { defineRule } from "../rule.js";

export default defineRule({
  code: "DF201",
  name: "stage-name-casing",
  aliases: ["StageNameCasing"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Write stage names in lower case.",
    rationale: "BuildKit lowercases stage names, so `AS Build` is the stage `build`; writing it as BuildKit reads it avoids surprises when names are compared or printed.",
    bad: "FROM golang:1.22 AS Build\nRUN go build ./...",
    good: "FROM golang:1.22 AS build\nRUN go build ./...",
  },
  fix: { safety: "safe", why: "Stage names are case-insensitive in BuildKit: every reference still finds the stage.", changes: "letter-case" },
  check({ model, report }) {
    for (const stage of model.stages) {
      const written = stage.nameAsWritten;
      if (written === null || stage.nameRange === null) continue;
      const lower = written.toLowerCase();
      if (written === lower) continue;
      const { start, end } = stage.nameRange;
      report({
        range: stage.nameRange,
        message: `Stage name '${written}' should be lowercase.`,
        edits: [{ start: start.offset, end: end.offset, text: lower }],
      });
    }
  },
});
