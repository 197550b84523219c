import { defineRule } from "../rule.js";
import { checkLabelFormat, quoteValue } from "./util/labels-check.js";
import { isUri } from "./util/labels-formats.js";

export default defineRule({
  code: "DL3052",
  name: "label-not-url",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Write labels the label schema types as `url` as absolute URLs.",
    rationale:
      "Registries and scanners follow `url` labels such as `org.opencontainers.image.source`; without a scheme (`github.com/x`) or with spaces they are not RFC 3986 URIs and lead nowhere.",
    bad: '# dflint-options: {"labelSchema": {"org.opencontainers.image.source": "url"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="github.com/example/app"',
    good: '# dflint-options: {"labelSchema": {"org.opencontainers.image.source": "url"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app"',
  },
  fix: null, // which scheme was meant (https, git, ssh) is the author's call
  check(context) {
    checkLabelFormat(context, "url", isUri, (key, value) => `Label '${key}' is ${quoteValue(value)}, which is not a valid URL.`);
  },
});
