// fsutil's FollowLinks: the `followpaths` a BuildKit request names (COPY sources, the Dockerfile) become
// include patterns, with every symlink on the way resolved, so that a link and what it points at are
// both sent. Each path segment is checked for a link (a segment with wildcards is expanded against the
// directory first); a link's target, relative or absolute, is read from the root of the tree.
import { posix } from "node:path";
import { segmentPattern } from "../minimal-context.js";
import type { SyncTree } from "./sync-tree.js";

export type FollowResult = { ok: true; paths: string[] | null } | { ok: false; error: string };

// Go's filepath.Join: joined, then cleaned; "" parts dropped; "." when nothing is left.
const join = (...parts: string[]) => {
  const j = posix.join(...parts.filter((p) => p !== ""));
  return j === "" ? "." : j.replace(/\/$/, "") || "/";
};

function containsWildcards(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === "\\") i++;
    else if (c === "*" || c === "?" || c === "[") return true;
  }
  return false;
}

const isMissing = (e: unknown) => ["ENOENT", "ENOTDIR"].includes((e as NodeJS.ErrnoException).code ?? "");
const treePath = (p: string) => (p === "." ? "" : p.replace(/^\/+/, ""));

/** Sorted paths with those below another one dropped; null when one of them is the root (no filter). */
export function dedupePaths(sorted: readonly string[]): string[] | null {
  const out: string[] = [];
  let last = "";
  for (const s of sorted) {
    if (s === ".") return null;
    if (s.startsWith(last + "/")) continue;
    out.push(s);
    last = s;
  }
  return out;
}

/** Resolves `paths` into the paths to include (sorted); null means everything. */
export async function followLinks(tree: SyncTree, paths: readonly string[]): Promise<FollowResult> {
  const resolved = new Set<string>();
  let budget = 4096; // a cycle of links ends, as the kernel's ELOOP ends one

  const readSymlink = async (p: string, allowWildcard: boolean): Promise<string[] | null> => {
    const base = posix.basename(p);
    if (allowWildcard && containsWildcards(base)) {
      const re = segmentPattern(base);
      let names: string[];
      try {
        names = (await tree.readDir(treePath(posix.dirname(p)))).map((e) => e.name);
      } catch (e) {
        if (isMissing(e)) return null;
        throw e;
      }
      const out: string[] = [];
      for (const name of names) if (re?.test(name)) out.push(...((await readSymlink(join(posix.dirname(p), name), false)) ?? []));
      return out.length ? out : null;
    }
    let isLink: boolean;
    try {
      isLink = ((await tree.lstat(treePath(p))).mode & 0o170000) === 0o120000;
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
    if (!isLink) return null;
    const link = posix.normalize(await tree.readlink(treePath(p)));
    if (link.startsWith("/")) return [link];
    return [join("/", join(posix.dirname(p), link))];
  };

  const append = async (start: string): Promise<void> => {
    if (--budget < 0) throw new Error("too many levels of symbolic links");
    let p = start;
    let current = ".";
    for (;;) {
      const slash = p.indexOf("/");
      const first = slash < 0 ? p : p.slice(0, slash);
      current = join(current, first);
      const targets = await readSymlink(current, true);
      p = slash < 0 ? "" : p.slice(slash + 1);
      if ((p === "" || targets) && resolved.has(current)) return;
      if (targets) {
        resolved.add(current);
        for (const target of targets) await append(join(target, p));
        return;
      }
      if (p === "") {
        resolved.add(current);
        return;
      }
    }
  };

  try {
    for (const p of paths) await append(p);
  } catch (e) {
    return { ok: false, error: `cannot follow the paths the engine asked for: ${(e as Error).message}` };
  }
  const sorted = [...resolved].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return { ok: true, paths: dedupePaths(sorted) };
}
