// Platform strings as containerd's platforms.Parse reads them (`os[(version)]/arch[/variant]`, or a
// lone OS or architecture), normalized the same way (`x86_64` → amd64, `aarch64` → arm64, `macos` →
// darwin). BuildKit parses a constant `FROM --platform` with it before FromPlatformFlagConstDisallowed.

export interface Platform {
  os: string;
  architecture: string;
  variant: string;
}

const KNOWN_OS = new Set([
  "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl",
  "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
]);
const KNOWN_ARCH = new Set([
  "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64",
  "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x",
  "sparc", "sparc64", "wasm",
]);

const OS_AND_VERSION = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$/;
const SPECIFIER = /^[A-Za-z0-9_.-]+$/;

function normalizeOS(os: string): string {
  const o = os.toLowerCase();
  return o === "macos" ? "darwin" : o;
}

function normalizeArch(arch: string, variant: string): [string, string] {
  const a = arch.toLowerCase();
  let v = variant.toLowerCase();
  switch (a) {
    case "i386":
      return ["386", ""];
    case "x86_64":
    case "x86-64":
    case "amd64":
      return ["amd64", v === "v1" ? "" : v];
    case "aarch64":
    case "arm64":
      return ["arm64", v === "8" || v === "v8" ? "v8" : v];
    case "armhf":
      return ["arm", "v7"];
    case "armel":
      return ["arm", "v6"];
    case "arm":
      if (v === "" || v === "7") v = "v7";
      else if (v === "5" || v === "6" || v === "8") v = "v" + v;
      return ["arm", v];
    default:
      return [a, v];
  }
}

/** The platform a specifier names, or null when containerd would refuse it. Defaults: linux/amd64. */
export function parsePlatform(specifier: string): Platform | null {
  if (specifier.includes("*")) return null;
  const parts = specifier.split("/");
  if (parts.length > 3) return null;
  const osVersion = OS_AND_VERSION.exec(parts[0]!);
  if (!osVersion) return null;
  if (parts.slice(1).some((p) => !SPECIFIER.test(p))) return null;
  const os = normalizeOS(osVersion[1]!);
  if (parts.length === 1) {
    if (KNOWN_OS.has(os)) return { os, architecture: "amd64", variant: "" };
    const [architecture, variant] = normalizeArch(parts[0]!, "");
    if (KNOWN_ARCH.has(architecture)) return { os: "linux", architecture, variant: architecture === "arm" && variant === "v7" ? "" : variant };
    return null;
  }
  const [architecture, variant] = normalizeArch(parts[1]!, parts[2] ?? "");
  return { os, architecture, variant: architecture === "arm64" && variant === "" ? "v8" : variant };
}
