import { defineRule } from "../rule.js";

export default defineRule({
  code: "DL3006",
  name: "image-untagged",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Tag the base image explicitly.",
    rationale: "An untagged FROM means `latest`, which moves; builds stop being repeatable.",
    bad: "FROM debian",
    good: "FROM debian:12.5",
  },
  fix: null, // which tag is right is the author's call
  check({ model, report }) {
    for (const stage of model.stages) {
      const base = stage.base;
      if (base.kind !== "image" || !base.reference || stage.baseRange === null) continue;
      const ref = base.reference;
      if (ref.tag || ref.digest) continue;
      // FROM ${BASE}: the author chose the image through an argument, hadolint skips it too.
      if (stage.from.args[0]?.kind === "word" && stage.from.args[0].value.startsWith("$")) continue;
      report({ range: stage.baseRange, message: `Image '${base.text}' has no tag; pin a version, as '${ref.familiar}:<version>'.` });
    }
  },
});
