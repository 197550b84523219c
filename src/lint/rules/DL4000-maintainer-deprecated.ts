import { defineRule } from "../rule.js";
import { holdsComment } from "./util/buildkit-support.js";

export default defineRule({
  code: "DL4000",
  name: "maintainer-deprecated",
  aliases: ["MaintainerDeprecated"],
  level: "error",
  source: "hadolint+buildkit",
  docs: {
    summary: "Use a `maintainer` label instead of MAINTAINER.",
    rationale: "MAINTAINER is deprecated; a label carries the same information, and tools read labels.",
    bad: "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>",
    good: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"',
  },
  fix: { safety: "safe", why: "The label holds MAINTAINER's text exactly: quoted, with `\"`, `$` and the escape character escaped.", changes: "maintainer-label" },
  check({ tree, report }) {
    // Every top-level MAINTAINER, as BuildKit's parser warns on each; under ONBUILD it is an error (DL3043).
    const escape = tree.escape;
    for (const ins of tree.instructions) {
      if (ins.name !== "MAINTAINER") continue;
      const word = ins.args[0];
      let edits;
      if (word?.kind === "word" && word.value !== "" && !holdsComment(ins)) {
        // MAINTAINER stores its text as written; LABEL expands its value, so protect `"`, `$` and the escape.
        const quoted = [...word.value].map((c) => (c === '"' || c === "$" || c === escape ? escape + c : c)).join("");
        // In the case the keyword was written in, so the file's casing stays consistent.
        const label = ins.keyword.text === ins.keyword.text.toLowerCase() ? "label" : "LABEL";
        edits = [{ start: ins.keyword.range.start.offset, end: ins.range.end.offset, text: `${label} maintainer="${quoted}"` }];
      }
      const who = word?.kind === "word" ? ` '${word.value}'` : "";
      report({ range: ins.keyword.range, message: `MAINTAINER${who} is deprecated; use LABEL maintainer="..." instead.`, edits });
    }
  },
});
