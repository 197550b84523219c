// The minimal context: the paths a target reads (context-sources.ts), resolved against the context
// directory the way the daemon resolves COPY sources: wildcards per path segment as Go's
// filepath.Match has them (`*` never crosses `/`), and symlinks on the way followed inside the
// context (an absolute or escaping link is read from the context root), so that the link and what it
// points at are both sent. The result is a set of roots: each is sent whole, with its parent
// directories; nothing else is, except the Dockerfile and .dockerignore.
import { lstat, readdir, readlink } from "node:fs/promises";
import { join, posix } from "node:path";
import type { PathSelection } from "./context-walk.js";

export type MinimalContext =
  | { ok: true; selection: PathSelection | null; roots: string[] }
  | { ok: false; reason: string };

// A bound on links followed, as the kernel's ELOOP bound keeps a cycle of links finite.
const MAX_LINKS = 255;

const hasWildcard = (segment: string) => /[*?[\\]/.test(segment);

/** Go's filepath.Match for one path segment, as a RegExp; null when the pattern is malformed. */
export function segmentPattern(segment: string): RegExp | null {
  let source = "^";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "\\") {
      if (++i >= segment.length) return null;
      source += "\\" + segment[i];
    } else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) return null;
      let body = segment.slice(i + 1, end);
      if (body.startsWith("^")) body = "^" + body.slice(1).replace(/[\]\\^]/g, "\\$&");
      else body = body.replace(/[\]\\^]/g, "\\$&");
      source += "[" + body + "]";
      i = end;
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  try {
    return new RegExp(source + "$", "u");
  } catch {
    return null;
  }
}

// Reads a link and returns its target as a context-relative path, clamped to the context root.
function linkTarget(linkPath: string, target: string): string {
  const joined = target.startsWith("/") ? target : posix.join(posix.dirname("/" + linkPath), target);
  return posix.normalize("/" + joined).slice(1);
}

/** Resolves source patterns against the context directory into the roots to send. */
export async function minimalContext(root: string, patterns: readonly string[]): Promise<MinimalContext> {
  if (patterns.some((p) => p === "." || p === "")) return { ok: true, selection: null, roots: ["."] };
  const roots = new Set<string>();
  let links = 0;
  let readsRoot = false;

  // Walks the segments of one pattern from `base`, following symlinks met on the way.
  const resolve = async (base: string, segments: readonly string[]): Promise<string | null> => {
    if (segments.length === 0) {
      roots.add(base);
      return null;
    }
    const [segment, ...rest] = segments as [string, ...string[]];
    let names: string[];
    if (hasWildcard(segment)) {
      const re = segmentPattern(segment);
      if (!re) return `the source pattern segment '${segment}' is malformed`;
      try {
        names = (await readdir(join(root, base))).filter((n) => re.test(n));
      } catch {
        return null; // not a directory: nothing matches, and the build reports it the same way with any context
      }
    } else names = [segment];
    for (const name of names) {
      const path = base ? base + "/" + name : name;
      let isLink = false;
      try {
        isLink = (await lstat(join(root, path))).isSymbolicLink();
      } catch {
        continue; // missing: the daemon will say so, whichever context is sent
      }
      if (isLink) {
        if (++links > MAX_LINKS) return "too many symbolic links on the way to a source";
        roots.add(path); // the link itself
        const target = linkTarget(path, await readlink(join(root, path)));
        if (target === "") {
          readsRoot = true; // a link to the context root: everything below it may be read
          return null;
        }
        const why = await resolve("", [...target.split("/"), ...rest]);
        if (why) return why;
      } else {
        const why = await resolve(path, rest);
        if (why) return why;
      }
    }
    return null;
  };

  for (const pattern of patterns) {
    const why = await resolve("", pattern.split("/"));
    if (why) return { ok: false, reason: why };
  }
  if (readsRoot) return { ok: true, selection: null, roots: ["."] };

  const sorted = [...roots].sort();
  const ancestors = new Set<string>();
  for (const r of sorted) for (let i = r.indexOf("/"); i >= 0; i = r.indexOf("/", i + 1)) ancestors.add(r.slice(0, i));
  return {
    ok: true,
    roots: sorted,
    selection: { wants: (path) => roots.has(path), mayContain: (dir) => ancestors.has(dir) },
  };
}
