import { defineRule } from "../rule.js";

export default defineRule({
  code: "DL3022",
  name: "copy-from-unknown-stage",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "COPY --from should name a stage defined before it, or an image with a tag.",
    rationale: "A --from that names no earlier stage is pulled from a registry as an image; a typo in a stage name turns into a pull, and a stage defined later is a forward reference. Write an image as `name:tag`.",
    bad: "FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=biuld /out/app /usr/local/bin/app",
    good: "FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/app",
  },
  fix: null, // which stage or image was meant is the author's call
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.name !== "COPY") continue;
        for (const flag of ins.flags) {
          if (flag.name !== "from" || flag.value === null) continue;
          const value = flag.value;
          // hadolint's trigger: no `:` (a `name:tag` is an image on purpose), not the alias of a stage
          // defined earlier (this one included), and not a number below the count of FROMs so far. The
          // model resolves a number to any existing stage, a later one too; hadolint does not.
          if (value.includes(":")) continue;
          if (/^\d+$/.test(value)) {
            if (Number(value) <= stage.index) continue;
          } else {
            const named = model.stagesByName.get(value.toLowerCase());
            if (named && named.index <= stage.index) continue;
          }
          const later = /^\d+$/.test(value) ? model.stages[Number(value)] : model.stagesByName.get(value.toLowerCase());
          const range = flag.valueRange ?? flag.range;
          report({
            range,
            message: later
              ? `COPY --from=${value} names a stage defined later in the file; a stage can only copy from an earlier one.`
              : value.includes("$")
                ? `COPY --from=${value} uses a variable, which BuildKit does not expand in --from.`
                : `COPY --from=${value} names no stage defined before it, so it is pulled as an image; write an image as 'name:tag'.`,
          });
        }
      }
    }
  },
});
