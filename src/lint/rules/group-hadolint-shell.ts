// hadolint's rules about the shell inside RUN (group A), in code order. One file each.
import type { Rule } from "../rule.js";
import DL3001 from "./DL3001-pointless-command.js";
import DL3003 from "./DL3003-cd-instead-of-workdir.js";
import DL3004 from "./DL3004-sudo-in-run.js";
import DL3008 from "./DL3008-apt-package-unpinned.js";
import DL3009 from "./DL3009-apt-lists-not-cleaned.js";
import DL3013 from "./DL3013-pip-package-unpinned.js";
import DL3014 from "./DL3014-apt-get-install-without-yes.js";
import DL3015 from "./DL3015-apt-recommends-installed.js";
import DL3016 from "./DL3016-npm-package-unpinned.js";
import DL3027 from "./DL3027-apt-instead-of-apt-get.js";
import DL3028 from "./DL3028-gem-unpinned.js";
import DL3042 from "./DL3042-pip-cache-kept.js";
import DL3046 from "./DL3046-useradd-large-uid-without-l.js";
import DL3047 from "./DL3047-wget-progress-noisy.js";
import DL3062 from "./DL3062-go-module-unpinned.js";
import DL4001 from "./DL4001-curl-and-wget-both-used.js";
import DL4005 from "./DL4005-ln-replaces-bin-sh.js";
import DL4006 from "./DL4006-pipe-without-pipefail.js";

export const RULES: Rule[] = [
  DL3001, DL3003, DL3004, DL3008, DL3009, DL3013, DL3014, DL3015, DL3016, DL3027, DL3028, DL3042, DL3046, DL3047, DL3062,
  DL4001, DL4005, DL4006,
];
