import { defineRule } from "../rule.js";

export default defineRule({
  code: "DF202",
  name: "from-as-casing",
  aliases: ["FromAsCasing"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Write `AS` in the same case as `FROM`.",
    rationale: "Both keywords are case-insensitive, but `FROM x as y` mixes styles in one line; BuildKit asks for `FROM … AS` or `from … as`.",
    bad: "FROM golang:1.22 as build\nRUN go build ./...",
    good: "FROM golang:1.22 AS build\nRUN go build ./...",
  },
  fix: { safety: "safe", why: "`AS` is case-insensitive; only its spelling changes.", changes: "letter-case" },
  check({ model, report }) {
    for (const stage of model.stages) {
      const words = stage.from.args;
      const as = words[1];
      if (words.length !== 3 || as?.kind !== "word" || as.value.toLowerCase() !== "as") continue;
      // Checked only when FROM itself is all upper or all lower case; `From` is
      // ConsistentInstructionCasing's business.
      const from = stage.from.keyword.text;
      const want = from === from.toUpperCase() ? as.value.toUpperCase() : from === from.toLowerCase() ? as.value.toLowerCase() : null;
      if (want === null || want === as.value) continue;
      report({
        range: as.range,
        message: `'${as.value}' and '${from}' keywords' casing do not match; write '${want}'.`,
        edits: [{ start: as.range.start.offset, end: as.range.end.offset, text: want }],
      });
    }
  },
});
