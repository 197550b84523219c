import { defineRule } from "../rule.js";
import { copyOperands } from "./util/instructions-operands.js";

export default defineRule({
  code: "DL3021",
  name: "copy-destination-not-directory",
  level: "error",
  source: "hadolint",
  docs: {
    summary: "End COPY's destination with `/` when it has several sources.",
    rationale: "Several sources can only go into a directory; Docker requires the destination to end with `/` then, and the slash shows the reader that it is one.",
    bad: "FROM node:22-alpine\nCOPY package.json package-lock.json /app",
    good: "FROM node:22-alpine\nCOPY package.json package-lock.json /app/",
  },
  fix: { safety: "safe", why: "With several sources the destination is a directory either way; the trailing slash only says so.", changes: "destination-slash" },
  check({ tree, report }) {
    // hadolint: COPY (not ADD, not ONBUILD COPY) with more than one source and a destination, quotes
    // dropped, that does not end in `/`. A `\` ending is accepted too: BuildKit takes it for a
    // directory on Windows, and it cannot end a word under the default escape anyway.
    for (const ins of tree.instructions) {
      if (ins.name !== "COPY") continue;
      const ops = copyOperands(ins);
      if (!ops || ops.sources.length < 2) continue;
      const dest = ops.dest;
      if (dest.path.endsWith("/") || dest.path.endsWith("\\") || dest.heredoc) continue;
      // Before a closing quote, or at the end of the word; JSON strings end with their quote.
      const end = dest.range.end.offset;
      const at = dest.node.kind === "json-string" || /["']$/.test(dest.raw) ? end - 1 : end;
      report({
        range: dest.range,
        message: `COPY has ${ops.sources.length} sources, so its destination '${dest.path}' must end with '/'.`,
        edits: dest.path === "" ? undefined : [{ start: at, end: at, text: "/" }], // an empty one means WORKDIR, not /
      });
    }
  },
});
