import { defineRule } from "../rule.js";
import { checkLabelFormat, quoteValue } from "./util/labels-check.js";
import { isRfc3339 } from "./util/labels-formats.js";

export default defineRule({
  code: "DL3053",
  name: "label-not-rfc3339",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Write labels the label schema types as `rfc3339` as RFC 3339 date-times.",
    rationale:
      "Time labels such as `org.opencontainers.image.created` are compared and sorted by tools; the OCI annotation spec and hadolint's schema ask for RFC 3339 (`2024-05-01T12:00:00Z`), with a time and a zone.",
    bad: '# dflint-options: {"labelSchema": {"org.opencontainers.image.created": "rfc3339"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.created="01/05/2024"',
    good: '# dflint-options: {"labelSchema": {"org.opencontainers.image.created": "rfc3339"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"',
  },
  fix: null, // the date's meaning (day/month order, zone) cannot be guessed
  check(context) {
    checkLabelFormat(context, "rfc3339", isRfc3339, (key, value) => `Label '${key}' is ${quoteValue(value)}, which is not an RFC 3339 date-time.`);
  },
});
