// The package and module specs of `yum install` and `dnf install` that name no version (DL3033, DL3041).
import type { ShellWord, SimpleCommand } from "../../../model/shell/types.js";
import { findSubcommand, operandsAfter } from "./packages-command.js";
import { isRpmVersioned } from "./packages-rpm-version.js";

// Options of yum, dnf and microdnf that take the next word as their value (`--enablerepo epel`, `-x pkg`).
const RPM_VALUE_OPTIONS: ReadonlySet<string> = new Set([
  "-c", "--config", "-d", "--debuglevel", "-e", "--errorlevel", "-x", "--exclude", "--excludepkgs",
  "--enablerepo", "--disablerepo", "--repo", "--repoid", "--from-repo", "--repofrompath", "--releasever",
  "--installroot", "--setopt", "--color", "--downloaddir", "--destdir", "--rpmverbosity", "--disableplugin",
  "--enableplugin", "--forcearch", "--comment", "--advisory", "--advisories", "--bz", "--bzs", "--cve", "--cves",
  "--sec-severity", "--secseverity",
]);

export interface UnpinnedSpec {
  word: ShellWord;
  value: string;
  /** A module (`yum module install nodejs`), which needs a stream (`nodejs:18`), not a package version. */
  isModule: boolean;
}

/** The unpinned specs of an install command of an rpm tool (the caller checks the program). */
export function unpinnedRpmSpecs(cmd: SimpleCommand): UnpinnedSpec[] {
  const install = findSubcommand(cmd, ["install"]);
  if (!install) return [];
  const before = cmd.args.slice(0, install.index).map((a) => a.value);
  const isModule = before.includes("module");
  // Groups (`dnf group install "Development Tools"`) have no versions to pin.
  if (!isModule && (before.includes("group") || before.includes("groups"))) return [];
  const out: UnpinnedSpec[] = [];
  for (const word of operandsAfter(cmd, install.index, RPM_VALUE_OPTIONS)) {
    const v = word.value;
    // `$PKGS` may hold pinned specs: what it holds is unknown, so it is not reported.
    if (v === null || v === "") continue;
    if (isModule ? v.includes(":") : isRpmVersioned(v) || v.startsWith("@")) continue; // `@group` and `@module:stream`
    out.push({ word, value: v, isModule });
  }
  return out;
}
