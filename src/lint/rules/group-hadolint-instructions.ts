// hadolint's rules about instructions (not the shell inside RUN), in code order. One file each.
import type { Rule } from "../rule.js";
import DL3000 from "./DL3000-workdir-not-absolute.js";
import DL3002 from "./DL3002-last-user-root.js";
import DL3006 from "./DL3006-image-untagged.js";
import DL3007 from "./DL3007-image-tag-latest.js";
import DL3010 from "./DL3010-archive-copied-then-extracted.js";
import DL3011 from "./DL3011-port-out-of-range.js";
import DL3012 from "./DL3012-healthcheck-repeated.js";
import DL3020 from "./DL3020-add-for-plain-files.js";
import DL3021 from "./DL3021-copy-destination-not-directory.js";
import DL3022 from "./DL3022-copy-from-unknown-stage.js";
import DL3023 from "./DL3023-copy-from-own-stage.js";
import DL3025 from "./DL3025-command-in-shell-form.js";
import DL3026 from "./DL3026-registry-not-trusted.js";
import DL3029 from "./DL3029-from-platform-fixed.js";
import DL3043 from "./DL3043-onbuild-trigger-invalid.js";
import DL3044 from "./DL3044-env-refers-to-same-env.js";
import DL3045 from "./DL3045-copy-relative-without-workdir.js";
import DL3067 from "./DL3067-copy-whole-filesystem.js";
import DL4003 from "./DL4003-cmd-repeated.js";
import DL4004 from "./DL4004-entrypoint-repeated.js";

export const RULES: Rule[] = [
  DL3000, DL3002, DL3006, DL3007, DL3010, DL3011, DL3012, DL3020, DL3021, DL3022, DL3023, DL3025, DL3026, DL3029,
  DL3043, DL3044, DL3045, DL3067, DL4003, DL4004,
];
