import { defineRule } from "../rule.js";

// hadolint accepts a --platform that mentions BUILDPLATFORM or TARGETPLATFORM. BuildKit's other
// platform args (`$TARGETOS/$TARGETARCH`, `$BUILDOS/$BUILDARCH`) follow the build's platform just the
// same, so they pass here too, where hadolint would flag them.
const PLATFORM_ARG = /\$\{?(BUILD|TARGET)(PLATFORM|OS|ARCH|VARIANT)\b/;

export default defineRule({
  code: "DL3029",
  name: "from-platform-fixed",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Do not fix FROM's platform to one value.",
    rationale:
      "`FROM --platform=linux/amd64` builds that platform whatever the build asks for, so multi-platform builds and builds on other machines get the wrong image; use `$BUILDPLATFORM` or `$TARGETPLATFORM`. A constant platform that DF212 (FromPlatformFlagConstDisallowed) also flags is reported once, as DF212; ignoring either code silences it.",
    bad: "ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM golang:1.23 AS build",
    good: "FROM --platform=$BUILDPLATFORM golang:1.23 AS build",
  },
  fix: null, // dropping the flag or choosing the build's platform changes what is built
  check({ model, report }) {
    for (const stage of model.stages) {
      const platform = stage.platform;
      if (!platform || platform.raw === "") continue;
      if (platform.raw.includes("BUILDPLATFORM") || platform.raw.includes("TARGETPLATFORM") || PLATFORM_ARG.test(platform.raw)) continue;
      report({ range: platform.range, message: `FROM --platform=${platform.raw} fixes the platform; use $BUILDPLATFORM or $TARGETPLATFORM.` });
    }
  },
});
