// BuildKit cache and tmpfs mounts on a RUN: what a package manager writes there never reaches the image, so
// hadolint does not ask for the cache to be cleaned when the RUN mounts one over it (DL3019, DL3036, DL3040,
// DL3060 in hadolint 2.14+).
import type { Instruction } from "../../../syntax/tree.js";

// The targets of the RUN's `--mount=type=cache` and `--mount=type=tmpfs` flags.
function cacheMountTargets(run: Instruction): string[] {
  const targets: string[] = [];
  for (const flag of run.flags) {
    if (flag.name !== "mount" || flag.value === null) continue;
    let type = "bind"; // BuildKit's default mount type
    let target: string | null = null;
    for (const field of csvFields(flag.value)) {
      const eq = field.indexOf("=");
      if (eq < 0) continue;
      const key = field.slice(0, eq).trim().toLowerCase();
      const value = field.slice(eq + 1).trim();
      if (key === "type") type = value.toLowerCase();
      else if (key === "target" || key === "dst" || key === "destination") target = value;
    }
    if ((type === "cache" || type === "tmpfs") && target) targets.push(target);
  }
  return targets;
}

/** Whether the RUN mounts a cache or tmpfs whose target contains one of `parts` (`/var/cache/apk`). */
export function hasCacheMount(run: Instruction, parts: readonly string[]): boolean {
  return cacheMountTargets(run).some((t) => parts.some((p) => t.includes(p)));
}

// BuildKit reads a mount as one CSV record: fields split on commas, a field may be double-quoted.
function csvFields(value: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= value.length) {
    let field = "";
    if (value[i] === '"') {
      i++;
      while (i < value.length) {
        if (value[i] === '"' && value[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (value[i] === '"') {
          i++;
          break;
        } else field += value[i++];
      }
    }
    while (i < value.length && value[i] !== ",") field += value[i++];
    fields.push(field);
    i++;
  }
  return fields;
}
