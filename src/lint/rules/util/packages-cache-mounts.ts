// BuildKit cache and tmpfs mounts on a RUN: what a package manager writes there never reaches the image, so
// hadolint does not ask for the cache to be cleaned when the RUN mounts one over it (DL3019, DL3036, DL3040,
// DL3060 in hadolint 2.14+).
import { mountTypeAndTarget } from "../../../syntax/mount-options.js";
import type { Instruction } from "../../../syntax/tree.js";

// The targets of the RUN's `--mount=type=cache` and `--mount=type=tmpfs` flags.
function cacheMountTargets(run: Instruction): string[] {
  const targets: string[] = [];
  for (const flag of run.flags) {
    if (flag.name !== "mount" || flag.value === null) continue;
    const { type, target } = mountTypeAndTarget(flag.value);
    if ((type === "cache" || type === "tmpfs") && target) targets.push(target);
  }
  return targets;
}

/** Whether the RUN mounts a cache or tmpfs whose target contains one of `parts` (`/var/cache/apk`). */
export function hasCacheMount(run: Instruction, parts: readonly string[]): boolean {
  return cacheMountTargets(run).some((t) => parts.some((p) => t.includes(p)));
}
