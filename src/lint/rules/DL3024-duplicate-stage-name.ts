import type { Stage } from "../../model/model.js";
import { defineRule } from "../rule.js";

export default defineRule({
  code: "DL3024",
  name: "duplicate-stage-name",
  aliases: ["DuplicateStageName"],
  level: "error",
  source: "hadolint+buildkit",
  docs: {
    summary: "Give every stage its own name.",
    rationale:
      "`FROM` and `--from` find a stage by name, and BuildKit compares names without regard to case; with two stages of one name, every reference reaches the first one and the later one can only be reached by index.",
    bad: "FROM golang:1.22 AS build\nRUN go build ./...\nFROM node:20 AS build\nRUN npm ci",
    good: "FROM golang:1.22 AS build-go\nRUN go build ./...\nFROM node:20 AS build-web\nRUN npm ci",
  },
  fix: null, // which of the two to rename, and how the references should follow, is the author's call
  check({ model, report }) {
    // BuildKit lowercases stage names (`AS Build` is `build`), so names differing only in case collide too.
    const first = new Map<string, Stage>();
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameRange === null) continue;
      const earlier = first.get(stage.name);
      if (!earlier) {
        first.set(stage.name, stage);
        continue;
      }
      report({
        range: stage.nameRange,
        message: `Stage name '${stage.nameAsWritten}' is already used by the stage on line ${earlier.from.startLine}; stage names must be unique.`,
      });
    }
  },
});
