import { defineRule } from "../rule.js";
import { parsePlatform } from "./util/buildkit-platform.js";

export default defineRule({
  code: "DF212",
  name: "from-platform-flag-const-disallowed",
  aliases: ["FromPlatformFlagConstDisallowed"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Do not pin `FROM --platform` to a constant.",
    rationale:
      "A constant platform builds that stage for one platform whatever the build asks for, so multi-platform builds silently get the wrong binaries; use $BUILDPLATFORM or $TARGETPLATFORM. hadolint's DL3029 flags these too; each is reported once, as DF212, and ignoring either code silences it.",
    bad: "FROM --platform=linux/amd64 alpine:3.20 AS build\nRUN echo hi",
    good: "FROM --platform=$BUILDPLATFORM alpine:3.20 AS build\nRUN echo hi",
  },
  fix: null, // which platform variable is meant is the author's call
  check({ model, report }) {
    for (const stage of model.stages) {
      const platform = stage.platform;
      if (!platform || platform.value === null) continue;
      const start = platform.range.start.offset;
      const end = platform.range.end.offset;
      if (model.references.some((r) => r.instruction === stage.from && r.range.start.offset >= start && r.range.end.offset <= end)) continue;
      const parsed = parsePlatform(platform.value);
      if (!parsed) continue; // the build fails on it anyway
      // A stage named after its platform (`build-arm64`, `windows`) is pinned on purpose.
      const name = stage.name ?? "";
      if (name.includes(parsed.os) || name.includes(parsed.architecture)) continue;
      report({
        range: platform.range,
        message: `FROM --platform flag should not use constant value "${platform.value}"; use $BUILDPLATFORM or $TARGETPLATFORM.`,
      });
    }
  },
});
