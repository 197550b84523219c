import { defineRule } from "../rule.js";
import { copyOperands } from "./util/instructions-operands.js";

// hadolint: absolute is `/...`, a Windows drive (`C:\`, `C:/`), or a variable (`$DEST`).
const isAbsolute = (path: string) => path.startsWith("/") || path.startsWith("$") || /^[A-Za-z]:[\\/]/.test(path);

export default defineRule({
  code: "DL3045",
  name: "copy-relative-without-workdir",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Set WORKDIR before COPY to a relative destination.",
    rationale: "A relative destination is resolved against the working directory, which, without a WORKDIR in the Dockerfile, is whatever the base image set; the files may land somewhere unexpected.",
    bad: "FROM node:22-alpine\nCOPY package.json .",
    good: "FROM node:22-alpine\nWORKDIR /app\nCOPY package.json .",
  },
  fix: null, // the base image's working directory is unknown, so the absolute path cannot be written for it
  check({ model, report }) {
    for (const stage of model.stages) {
      // A WORKDIR in a stage this one is built FROM counts (the model's workdir of the parent is the one
      // it ends with); an image's own WORKDIR is unknown, as in hadolint. ONBUILD WORKDIR does not count.
      let hasWorkdir = stage.parent !== null && stage.parent.workdir !== null;
      for (const ins of stage.instructions) {
        if (ins.name === "WORKDIR") hasWorkdir = true;
        if (ins.name !== "COPY" || hasWorkdir) continue;
        const ops = copyOperands(ins);
        if (!ops || isAbsolute(ops.dest.path)) continue;
        report({ range: ops.dest.range, message: `COPY to the relative destination '${ops.dest.path}' with no WORKDIR set; set WORKDIR or use an absolute path.` });
      }
    }
  },
});
