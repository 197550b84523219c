import { defineRule } from "../rule.js";
import { checkLabelFormat, quoteValue } from "./util/labels-check.js";
import { isGitHash } from "./util/labels-formats.js";

export default defineRule({
  code: "DL3055",
  name: "label-not-git-hash",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Write labels the label schema types as `hash` as git commit hashes.",
    rationale:
      "A `hash` label such as `org.opencontainers.image.revision` ties the image to the commit it was built from; hadolint accepts a full (40) or short (7) lower-case hex hash, not a branch name or tag.",
    bad: '# dflint-options: {"labelSchema": {"org.opencontainers.image.revision": "hash"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.revision="main"',
    good: '# dflint-options: {"labelSchema": {"org.opencontainers.image.revision": "hash"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.revision="3f9c2ab"',
  },
  fix: null, // the commit is the author's (or the CI's) to fill in
  check(context) {
    checkLabelFormat(context, "hash", isGitHash, (key, value) => `Label '${key}' is ${quoteValue(value)}, which is not a git hash (7 or 40 lower-case hex digits).`);
  },
});
