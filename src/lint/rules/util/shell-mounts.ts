// The BuildKit mounts of a RUN (`RUN --mount=type=cache,target=/var/lib/apt/lists`). What a cache or tmpfs
// mount holds never reaches the image layer, so the "clean up after yourself" rules let such a RUN be.
import type { Instruction } from "../../../syntax/tree.js";
import { runOf } from "./shell-commands.js";

export interface RunMount {
  /** `bind` when not given, as BuildKit defaults it. */
  type: string;
  /** The target path, trailing slashes removed; null when not given. */
  target: string | null;
}

/** The `--mount` flags of a RUN (or of an ONBUILD RUN's trigger). */
export function runMounts(ins: Instruction): RunMount[] {
  const mounts: RunMount[] = [];
  for (const flag of runOf(ins).flags) {
    if (flag.name !== "mount" || flag.value === null) continue;
    let type = "bind";
    let target: string | null = null;
    for (const field of csvFields(flag.value)) {
      const eq = field.indexOf("=");
      const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? "" : field.slice(eq + 1).trim();
      if (key === "type") type = value.toLowerCase();
      else if (key === "target" || key === "dst" || key === "destination") target = value.replace(/\/+$/, "") || "/";
    }
    mounts.push({ type, target });
  }
  return mounts;
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

// BuildKit reads a mount as one CSV record: fields split on commas, a field may be double-quoted.
function csvFields(value: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quoted) {
      if (c === '"' && value[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}
