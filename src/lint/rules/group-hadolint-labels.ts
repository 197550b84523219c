// hadolint's label rules (DL3048-DL3058) and the remaining instruction-level rules (inline pragmas,
// HEALTHCHECK, consecutive RUNs, secrets in ARG/ENV, numeric USER), in code order. One file each.
import type { Rule } from "../rule.js";
import DL1001 from "./DL1001-inline-ignore-pragma.js";
import DL3048 from "./DL3048-label-key-invalid.js";
import DL3049 from "./DL3049-label-missing.js";
import DL3050 from "./DL3050-label-not-in-schema.js";
import DL3051 from "./DL3051-label-empty.js";
import DL3052 from "./DL3052-label-not-url.js";
import DL3053 from "./DL3053-label-not-rfc3339.js";
import DL3054 from "./DL3054-label-not-spdx.js";
import DL3055 from "./DL3055-label-not-git-hash.js";
import DL3056 from "./DL3056-label-not-semver.js";
import DL3057 from "./DL3057-healthcheck-missing.js";
import DL3058 from "./DL3058-label-not-email.js";
import DL3059 from "./DL3059-consecutive-run.js";
import DL3064 from "./DL3064-secret-in-arg-or-env.js";
import DL3066 from "./DL3066-user-not-numeric.js";

export const RULES: Rule[] = [DL1001, DL3048, DL3049, DL3050, DL3051, DL3052, DL3053, DL3054, DL3055, DL3056, DL3057, DL3058, DL3059, DL3064, DL3066];
