import type { Word } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { unquote } from "./util/instructions-operands.js";

// hadolint: `root`, `0`, `root:<group>` and `0:<group>` as written; a variable is not resolved.
const isRoot = (user: string) => user === "root" || user === "0" || user.startsWith("root:") || user.startsWith("0:");

export default defineRule({
  code: "DL3002",
  name: "last-user-root",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Do not switch to root as the last USER of a stage.",
    rationale: "The last USER is the user the container runs as; running as root gives a compromised process the whole container. Every stage is checked, since any stage can be built with --target.",
    bad: "FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl",
    good: "FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER nobody",
  },
  fix: null, // which user the image should run as is the author's call
  check({ model, report }) {
    // As hadolint: per stage, the last USER decides; a stage without USER is not flagged, and an
    // ONBUILD USER (which runs in a later build) does not count.
    for (const stage of model.stages) {
      let last: Word | null = null;
      for (const ins of stage.instructions) {
        if (ins.name !== "USER" || ins.args[0]?.kind !== "word") continue;
        last = ins.args[0];
      }
      if (!last || !isRoot(unquote(last.value))) continue;
      const name = stage.nameAsWritten ? `'${stage.nameAsWritten}'` : String(stage.index);
      report({ range: last.range, message: `The last USER of stage ${name} is '${unquote(last.value)}', so the container runs as root.` });
    }
  },
});
