// The shell BuildKit wraps shell-form RUN, CMD and ENTRYPOINT in when no SHELL is set: the image
// config's Shell, else `cmd /S /C` when the image's OS is Windows and `/bin/sh -c` otherwise
// (dockerfile2llb's defaultShell). The OS comes from the pulled image's config, which is not read
// here; it is told by the stage's platform, or by a base image name that only Windows images use.
import type { StageBase } from "./model.js";

export const POSIX_SHELL: readonly string[] = ["/bin/sh", "-c"];
export const WINDOWS_SHELL: readonly string[] = ["cmd", "/S", "/C"];

// Windows Server base images: mcr.microsoft.com/windows/servercore, .../windows/nanoserver,
// .../windows/server, .../windows (and images in those repositories, e.g. windows/servercore/iis), and
// the .NET Framework images, which exist for Windows only.
const WINDOWS_REPOSITORY = /^(?:windows(?:\/|$)|dotnet\/framework\/)/;
// Names and tags of Windows variants: `microsoft/nanoserver`, `python:3.12-windowsservercore-ltsc2022`,
// `mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-1809`, `golang:1.23-nanoserver-ltsc2025`.
const WINDOWS_WORD = /^(?:windowsservercore|servercore|nanoserver|ltsc\d{4})$/;

/** True when the image name alone says it is a Windows image. */
export function isWindowsImageName(base: StageBase): boolean {
  if (base.kind !== "image" || !base.reference) return false;
  const { domain, repository, tag } = base.reference;
  if (domain === "mcr.microsoft.com" && WINDOWS_REPOSITORY.test(repository)) return true;
  const words = [...repository.split("/"), ...(tag ?? "").split(/[-_.]/)];
  return words.some((w) => WINDOWS_WORD.test(w));
}

/** The OS of an `os/arch[/variant]` platform, or null when it is not known. */
function platformOS(platform: string | null): string | null {
  if (platform === null || platform === "" || platform.includes("$")) return null;
  return platform.split("/")[0]!.toLowerCase();
}

/**
 * The default shell of a stage that is not built on another stage: from `FROM --platform`
 * (expanded), else a Windows image name, else the build's target platform.
 */
export function defaultShell(base: StageBase, fromPlatform: string | null, targetPlatform: string): readonly string[] {
  const os = platformOS(fromPlatform) ?? (isWindowsImageName(base) ? "windows" : platformOS(targetPlatform));
  return os === "windows" ? WINDOWS_SHELL : POSIX_SHELL;
}
