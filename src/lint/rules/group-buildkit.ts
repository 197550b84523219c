// BuildKit's build checks, in code order: those hadolint also has under its DL code, the others as
// DF2xx. Each rule is one file beside this one. (NoEmptyContinuation is the parser's DF009;
// MultipleInstructionsDisallowed is an alias of DL3012, DL4003 and DL4004;
// InvalidBaseImagePlatform needs the pulled image's config, which the linter does not fetch.)
import type { Rule } from "../rule.js";
import DF201 from "./DF201-stage-name-casing.js";
import DF202 from "./DF202-from-as-casing.js";
import DF203 from "./DF203-consistent-instruction-casing.js";
import DF204 from "./DF204-json-args-recommended.js";
import DF205 from "./DF205-undefined-arg-in-from.js";
import DF206 from "./DF206-workdir-relative-path.js";
import DF207 from "./DF207-undefined-var.js";
import DF209 from "./DF209-legacy-key-value-format.js";
import DF210 from "./DF210-secrets-used-in-arg-or-env.js";
import DF211 from "./DF211-invalid-default-arg-in-from.js";
import DF212 from "./DF212-from-platform-flag-const-disallowed.js";
import DF213 from "./DF213-copy-ignored-file.js";
import DF214 from "./DF214-invalid-definition-description.js";
import DF215 from "./DF215-expose-proto-casing.js";
import DF216 from "./DF216-expose-invalid-format.js";
import DL3024 from "./DL3024-duplicate-stage-name.js";
import DL3063 from "./DL3063-reserved-stage-name.js";
import DL3065 from "./DL3065-redundant-target-platform.js";
import DL4000 from "./DL4000-maintainer-deprecated.js";

export const RULES: Rule[] = [
  DF201, DF202, DF203, DF204, DF205, DF206, DF207, DF209, DF210, DF211, DF212, DF213, DF214, DF215, DF216,
  DL3024, DL3063, DL3065, DL4000,
];
