import { defineRule } from "../rule.js";
import { labelPairs } from "./util/labels-pairs.js";
import { labelSettings } from "./util/labels-settings.js";

export default defineRule({
  code: "DL3051",
  name: "label-empty",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Give the labels of the label schema a value.",
    rationale:
      "A label the schema requires but set to an empty string satisfies the letter of the schema and nothing else: whoever reads the image finds no source, version or owner.",
    bad: '# dflint-options: {"labelSchema": {"org.opencontainers.image.version": "semver"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.version=""',
    good: '# dflint-options: {"labelSchema": {"org.opencontainers.image.version": "semver"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.2"',
  },
  fix: null, // the value is the author's to write
  check(context) {
    const { schema } = labelSettings(context);
    if (schema.size === 0) return;
    for (const { key, value, valueRange } of labelPairs(context)) {
      // `version=$VERSION` with an unknown VERSION is judged at build time, not here.
      if (key === null || value !== "" || !schema.has(key)) continue;
      context.report({ range: valueRange, message: `Label '${key}' is empty.` });
    }
  },
});
