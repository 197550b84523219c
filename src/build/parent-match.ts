// patternmatcher's MatchesUsingParentResults, the form docker's context walker uses: each directory
// keeps which patterns matched it, and its children start from that instead of re-checking every
// parent. Built on the model's matcher (src/model/dockerignore.ts), whose patterns it reuses.
import type { IgnoreMatcher } from "../model/dockerignore.js";

/** Which patterns matched a directory; null for the context root (no information). */
export type ParentMatches = readonly boolean[] | null;

export interface WalkMatch {
  /** The path is excluded; "error" when a malformed pattern was met (the build fails). */
  excluded: boolean | "error";
  /** What to hand to this path's children. */
  matches: boolean[];
}

/** Matches one `/`-separated path given its parent directory's results. */
export function matchWithParent(matcher: IgnoreMatcher, path: string, parent: ParentMatches): WalkMatch {
  const patterns = matcher.patterns;
  const matches = new Array<boolean>(patterns.length).fill(false);
  let excluded = false;
  for (let i = 0; i < patterns.length; i++) {
    const pattern = patterns[i]!;
    let match = parent !== null && parent[i] === true;
    if (!match) {
      // An inclusion can only add, an exception only take away.
      if (pattern.isException !== excluded) continue;
      const m = pattern.match(path);
      if (m === "error") return { excluded: "error", matches };
      match = m;
      // Without the parent's results, a match on any parent directory counts (MatchesOrParentMatches).
      if (!match && parent === null) {
        const dirs = path.split("/");
        for (let k = 1; k < dirs.length && !match; k++) match = pattern.match(dirs.slice(0, k).join("/")) === true;
      }
    }
    matches[i] = match;
    if (match) excluded = !pattern.isException;
  }
  return { excluded, matches };
}

/**
 * Whether the walker must still enter an excluded directory: only when some exception pattern starts
 * textually with `dir/` (go-archive's TarWithOptions). `!**\/keep.txt` does not open `dir`.
 */
export function mustDescend(matcher: IgnoreMatcher, dir: string): boolean {
  if (!matcher.hasExceptions) return false;
  const prefix = dir + "/";
  return matcher.patterns.some((p) => p.isException && (p.text + "/").startsWith(prefix));
}
