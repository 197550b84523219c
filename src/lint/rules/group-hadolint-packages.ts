// The rules of this group, in code order. Each rule is one file beside this one.
import type { Rule } from "../rule.js";
import DL3018 from "./DL3018-apk-package-unpinned.js";
import DL3019 from "./DL3019-apk-cache-kept.js";
import DL3030 from "./DL3030-yum-install-without-yes.js";
import DL3032 from "./DL3032-yum-cache-not-cleaned.js";
import DL3033 from "./DL3033-yum-package-unpinned.js";
import DL3034 from "./DL3034-zypper-without-non-interactive.js";
import DL3035 from "./DL3035-zypper-dist-upgrade.js";
import DL3036 from "./DL3036-zypper-cache-not-cleaned.js";
import DL3037 from "./DL3037-zypper-package-unpinned.js";
import DL3038 from "./DL3038-dnf-install-without-yes.js";
import DL3040 from "./DL3040-dnf-cache-not-cleaned.js";
import DL3041 from "./DL3041-dnf-package-unpinned.js";
import DL3060 from "./DL3060-yarn-cache-not-cleaned.js";

export const RULES: Rule[] = [DL3018, DL3019, DL3030, DL3032, DL3033, DL3034, DL3035, DL3036, DL3037, DL3038, DL3040, DL3041, DL3060];
