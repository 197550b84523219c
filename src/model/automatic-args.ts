// The args BuildKit defines without an ARG: platform args (global; a stage must declare them to use
// them), proxy args, and its own BUILDKIT_* settings.

export const PROXY_ARGS = ["HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"].flatMap((n) => [n, n.toLowerCase()]);

export const BUILDKIT_ARGS = [
  "BUILDKIT_CACHE_MOUNT_NS",
  "BUILDKIT_CONTEXT_KEEP_GIT_DIR",
  "BUILDKIT_INLINE_CACHE",
  "BUILDKIT_MULTI_PLATFORM",
  "BUILDKIT_SANDBOX_HOSTNAME",
  "BUILDKIT_SYNTAX",
  "BUILDKIT_BUILD_NAME",
  "BUILDKIT_DOCKERFILE_CHECK",
  "SOURCE_DATE_EPOCH",
];

/** The automatic platform args for a build and target platform (`os/arch[/variant]`). */
export function platformArgs(buildPlatform: string, targetPlatform: string): Map<string, string> {
  const [bos = "", barch = "", bvariant = ""] = buildPlatform.split("/");
  const [tos = "", tarch = "", tvariant = ""] = targetPlatform.split("/");
  return new Map([
    ["BUILDPLATFORM", buildPlatform],
    ["BUILDOS", bos],
    ["BUILDARCH", barch],
    ["BUILDVARIANT", bvariant],
    ["TARGETPLATFORM", targetPlatform],
    ["TARGETOS", tos],
    ["TARGETARCH", tarch],
    ["TARGETVARIANT", tvariant],
  ]);
}
