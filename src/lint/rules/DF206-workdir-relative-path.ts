import { defineRule } from "../rule.js";
import { ancestors, expandKnown } from "./util/buildkit-support.js";

export default defineRule({
  code: "DF206",
  name: "workdir-relative-path",
  aliases: ["WorkdirRelativePath"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Make the first WORKDIR of a stage absolute.",
    rationale:
      "A relative WORKDIR is joined to the base image's working directory, which the Dockerfile does not show and which can change with the image. Where hadolint's DL3000 flags the same WORKDIR, it is reported once, as DL3000; this rule adds WORKDIRs whose variables expand to a relative path.",
    bad: "FROM node:20\nARG APP_DIR=app\nWORKDIR $APP_DIR\nCOPY . .",
    good: "FROM node:20\nARG APP_DIR=/app\nWORKDIR $APP_DIR\nCOPY . .",
  },
  fix: null, // the base image's working directory is unknown here
  check({ tree, model, report }) {
    for (const stage of model.stages) {
      // BuildKit looks only at the first WORKDIR of a chain of stages (FROM <stage> inherits it):
      // once any WORKDIR is set in the file, later relative ones are relative to a known directory.
      let isSet = ancestors(stage).some((s) => s.instructions.some((i) => i.name === "WORKDIR"));
      for (const ins of stage.instructions) {
        if (ins.name !== "WORKDIR" || isSet) continue;
        isSet = true;
        const word = ins.args[0];
        if (word?.kind !== "word") continue;
        const path = expandKnown(model, ins, word.value, tree.escape);
        // Unknown (a variable from the base image), empty (an error), or a Windows path: not judged.
        if (path === null || path === "" || path.startsWith("/") || path.startsWith("\\") || /^[A-Za-z]:/.test(path)) continue;
        report({
          range: word.range,
          message: `Relative workdir '${path}' can have unexpected results if the base image changes; make the first WORKDIR absolute.`,
        });
      }
    }
  },
});
