import { defineRule } from "../rule.js";
import { labelPairs } from "./util/labels-pairs.js";
import { labelSettings } from "./util/labels-settings.js";

export default defineRule({
  code: "DL3050",
  name: "label-not-in-schema",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "With strict labels, set only the labels the label schema lists.",
    rationale:
      "`strict-labels` makes the label schema the complete list of allowed labels, so stray or misspelt keys (`org.opencontainers.image.licence`) are caught before they reach a registry.",
    bad: '# dflint-options: {"labelSchema": {"org.opencontainers.image.licenses": "spdx"}, "strictLabels": true}\nFROM alpine:3.20\nLABEL org.opencontainers.image.licence="MIT"',
    good: '# dflint-options: {"labelSchema": {"org.opencontainers.image.licenses": "spdx"}, "strictLabels": true}\nFROM alpine:3.20\nLABEL org.opencontainers.image.licenses="MIT"',
  },
  fix: null, // removing or renaming a label is the author's call
  check(context) {
    const { schema, strict } = labelSettings(context);
    if (!strict) return; // with strict labels and no schema, hadolint finds every label superfluous
    for (const { key, pair } of labelPairs(context)) {
      if (key === null || schema.has(key)) continue;
      context.report({ range: pair.keyRange, message: `Label '${key}' is not in the label schema.` });
    }
  },
});
