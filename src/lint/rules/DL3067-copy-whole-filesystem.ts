import { defineRule } from "../rule.js";
import { copyOperands } from "./util/instructions-operands.js";

export default defineRule({
  code: "DL3067",
  name: "copy-whole-filesystem",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Do not copy a whole filesystem from another stage or image.",
    rationale: "`COPY --from=x / /` overlays everything, system files and package databases included, onto this stage; copy the directories that are needed.",
    bad: "FROM debian:12-slim AS build\nRUN make install\nFROM debian:12-slim\nCOPY --from=build / /",
    good: "FROM debian:12-slim AS build\nRUN make install DESTDIR=/out\nFROM debian:12-slim\nCOPY --from=build /out/usr/local/ /usr/local/",
  },
  fix: null, // which directories are needed is the author's call
  check({ tree, report }) {
    // hadolint: COPY --from (a stage or an image) with a source `/` and the destination `/`, quotes
    // dropped. ONBUILD COPY is not checked, as in hadolint.
    for (const ins of tree.instructions) {
      if (ins.name !== "COPY" || !ins.flags.some((f) => f.name === "from")) continue;
      const ops = copyOperands(ins);
      if (!ops || ops.dest.path !== "/") continue;
      const root = ops.sources.find((s) => s.path === "/");
      if (!root) continue;
      const from = ins.flags.find((f) => f.name === "from")!;
      report({ range: root.range, message: `COPY --from=${from.value ?? ""} copies the whole filesystem '/' onto '/'.` });
    }
  },
});
