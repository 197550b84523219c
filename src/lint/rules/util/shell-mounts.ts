// The BuildKit mounts of a RUN (`RUN --mount=type=cache,target=/var/lib/apt/lists`). What a cache or tmpfs
// mount holds never reaches the image layer, so the "clean up after yourself" rules let such a RUN be.
import type { Instruction } from "../../../syntax/tree.js";
import { mountTypeAndTarget } from "../../../syntax/mount-options.js";
import { runOf } from "./shell-commands.js";

export interface RunMount {
  /** `bind` when not given, as BuildKit defaults it. */
  type: string;
  /** The target path, trailing slashes removed; null when not given. */
  target: string | null;
}

/** The `--mount` flags of a RUN (or of an ONBUILD RUN's trigger). */
export function runMounts(ins: Instruction): RunMount[] {
  return runOf(ins)
    .flags.filter((f) => f.name === "mount" && f.value !== null)
    .map((f) => mountTypeAndTarget(f.value!));
}

/**
 * Whether a cache or tmpfs mount keeps `path` out of the layer: its target is the path or a directory above
 * it, or (as hadolint accepts) contains the path's text, `/root/.cache/pip` for `.cache/pip`.
 */
export function hasCacheMountOver(ins: Instruction, path: string): boolean {
  return runMounts(ins).some(({ type, target }) => {
    if ((type !== "cache" && type !== "tmpfs") || target === null) return false;
    return target.includes(path) || (path.startsWith("/") && (target === "/" || path === target || path.startsWith(target + "/")));
  });
}
