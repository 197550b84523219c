import { defineRule } from "../rule.js";
import { checkLabelFormat, quoteValue } from "./util/labels-check.js";
import { isSpdxId } from "./util/labels-formats.js";

export default defineRule({
  code: "DL3054",
  name: "label-not-spdx",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Write labels the label schema types as `spdx` as one SPDX license id.",
    rationale:
      "Licence scanners match SPDX ids (`Apache-2.0`, `MIT`), not prose such as `Apache License 2`. As in hadolint, the value must be a single id from the SPDX License List; an expression such as `MIT OR Apache-2.0` needs the `text` type.",
    bad: '# dflint-options: {"labelSchema": {"org.opencontainers.image.licenses": "spdx"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache License 2"',
    good: '# dflint-options: {"labelSchema": {"org.opencontainers.image.licenses": "spdx"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache-2.0"',
  },
  fix: null, // which licence was meant is the author's call
  check(context) {
    checkLabelFormat(context, "spdx", isSpdxId, (key, value) => `Label '${key}' is ${quoteValue(value)}, which is not an SPDX license id.`);
  },
});
