import { defineRule } from "../rule.js";
import { checkLabelFormat, quoteValue } from "./util/labels-check.js";
import { isEmail } from "./util/labels-formats.js";

export default defineRule({
  code: "DL3058",
  name: "label-not-email",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Write labels the label schema types as `email` as e-mail addresses.",
    rationale:
      "An `email` label is where people report problems with the image; hadolint checks it as an RFC 5322 address (`jane@example.org`), so a name, a URL or `Jane <jane@example.org>` does not pass.",
    bad: '# dflint-options: {"labelSchema": {"maintainer": "email"}}\nFROM alpine:3.20\nLABEL maintainer="Jane Doe"',
    good: '# dflint-options: {"labelSchema": {"maintainer": "email"}}\nFROM alpine:3.20\nLABEL maintainer="jane@example.org"',
  },
  fix: null, // an address cannot be derived from a name
  check(context) {
    checkLabelFormat(context, "email", isEmail, (key, value) => `Label '${key}' is ${quoteValue(value)}, which is not an e-mail address.`);
  },
});
