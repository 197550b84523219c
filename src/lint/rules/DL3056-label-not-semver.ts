import { defineRule } from "../rule.js";
import { checkLabelFormat, quoteValue } from "./util/labels-check.js";
import { isSemver } from "./util/labels-formats.js";

export default defineRule({
  code: "DL3056",
  name: "label-not-semver",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Write labels the label schema types as `semver` as semantic versions.",
    rationale:
      "Tools order images by `semver` labels such as `org.opencontainers.image.version`; Semantic Versioning 2.0.0 wants `MAJOR.MINOR.PATCH` with optional `-pre` and `+build` parts, without a `v` prefix or leading zeros.",
    bad: '# dflint-options: {"labelSchema": {"org.opencontainers.image.version": "semver"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.version="v1.4"',
    good: '# dflint-options: {"labelSchema": {"org.opencontainers.image.version": "semver"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.version="1.4.0"',
  },
  fix: null, // `v1.4` could mean 1.4.0 or a branch; the author decides
  check(context) {
    checkLabelFormat(context, "semver", isSemver, (key, value) => `Label '${key}' is ${quoteValue(value)}, which is not a semantic version.`);
  },
});
