import { defineRule } from "../rule.js";

export default defineRule({
  code: "DL3023",
  name: "copy-from-own-stage",
  level: "error",
  source: "hadolint",
  docs: {
    summary: "COPY --from cannot name the stage it is in.",
    rationale: "A stage cannot copy from itself: it does not exist until it is finished, and BuildKit fails with a circular dependency.",
    bad: "FROM node:22-alpine AS build\nCOPY --from=build /app/dist /srv/",
    good: "FROM node:22-alpine AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html/",
  },
  fix: null, // which stage was meant is the author's call
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.name !== "COPY") continue;
        for (const flag of ins.flags) {
          if (flag.name !== "from" || flag.value === null) continue;
          // hadolint compares the value with the stage's alias; the model's edge also catches a
          // different case (`--from=Build`) and the stage's own number, which BuildKit resolves the same.
          const edge = model.edgeAt(flag);
          if (!edge || edge.to !== stage) continue;
          report({ range: flag.valueRange ?? flag.range, message: `COPY --from=${flag.value} names the stage it is in; a stage cannot copy from itself.` });
        }
      }
    }
  },
});
