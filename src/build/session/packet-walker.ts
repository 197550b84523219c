// The entries a DiffCopy sends, in the order fsutil's sender walks them (its filterFS over
// filepath.WalkDir): depth first, each directory's entries by the bytes of their names, a directory
// before what it holds, no entry for the root. A request narrows the walk with include patterns and
// followpaths (resolved through symlinks, follow-links.ts) and exclude patterns, all with moby's
// patternmatcher semantics and each directory's match results handed to its children
// (MatchesUsingParentResults). A directory that is not sent itself but holds something that is, is
// sent just before that entry, as fsutil sends it, so the receiver can create it.
//
// Excluded directories: the walk enters one only when an exception pattern starts with `dir/`, as
// go-archive and the fsutil of the docker CLI 20.10 do; with `dir` and `!**/keep.txt`, dir/keep.txt is
// not sent (shared/conformance/dockerignore/observed.json, seen with the CLI's session file sync).
// Current fsutil also enters `dir` for a wildcard exception; the older rule keeps the session's context
// the same as the tar upload's.
import { compileDockerignore, type IgnoreMatcher } from "../../model/dockerignore.js";
import { segmentPattern } from "../minimal-context.js";
import { matchWithParent, mustDescend, type ParentMatches } from "../parent-match.js";
import { kindOf, makeStat } from "./file-stat.js";
import { dedupePaths, followLinks } from "./follow-links.js";
import type { StatMessage } from "./session-protos.js";
import type { SyncTree, TreeStat } from "./sync-tree.js";

export interface WalkFilter {
  includePatterns?: readonly string[];
  excludePatterns?: readonly string[];
  followPaths?: readonly string[];
}

export type WalkedItem =
  | { kind: "entry"; stat: StatMessage }
  /** A pipe, socket or device: not sent, as the tar upload does not send it. */
  | { kind: "skipped"; path: string; why: string }
  | { kind: "error"; path: string; message: string };

function ioReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "it disappeared while the context was read";
  return (e as Error).message;
}

const isMissing = (e: unknown) => ["ENOENT", "ENOTDIR"].includes((e as NodeJS.ErrnoException).code ?? "");
const isPermission = (e: unknown) => ["EACCES", "EPERM"].includes((e as NodeJS.ErrnoException).code ?? "");

/**
 * Whether `pattern` could match something below `dir`: segment by segment, until the pattern runs
 * out (it would then have matched `dir` or a parent, which the parent results carry) or meets `**`.
 */
function mayMatchBelow(pattern: string, dir: string): boolean {
  const p = pattern.split("/");
  const d = dir.split("/");
  for (let i = 0; i < d.length; i++) {
    if (i >= p.length) return false;
    if (p[i]!.includes("**")) return true;
    const re = segmentPattern(p[i]!);
    if (!re) return true; // malformed: the matcher reports it
    if (!re.test(d[i]!)) return false;
  }
  return p.length > d.length;
}

interface Frame {
  path: string;
  include: ParentMatches;
  exclude: ParentMatches;
  sent: boolean;
}

export type Walker = { ok: true; items: AsyncGenerator<WalkedItem> } | { ok: false; error: string };

/** Prepares the walk of `tree` for one request; a malformed pattern is an error before anything is sent. */
export async function walkPackets(tree: SyncTree, filter: WalkFilter): Promise<Walker> {
  let includes: string[] | null = filter.includePatterns?.length ? [...filter.includePatterns] : null;
  if (filter.followPaths?.length) {
    const followed = await followLinks(tree, filter.followPaths);
    if (!followed.ok) return followed;
    if (followed.paths) includes = dedupePaths([...(includes ?? []), ...followed.paths]);
  }
  let include: IgnoreMatcher | null = null;
  if (includes?.length) {
    include = compileDockerignore(includes);
    if (!include) return { ok: false, error: `the engine sent a malformed include pattern (${includes.join(", ")})` };
  }
  let exclude: IgnoreMatcher | null = null;
  if (filter.excludePatterns?.length) {
    exclude = compileDockerignore(filter.excludePatterns);
    if (!exclude) return { ok: false, error: `a malformed exclude pattern (${filter.excludePatterns.join(", ")})` };
    if (exclude.patterns.length === 0) exclude = null;
  }
  const includeTexts = include?.patterns.filter((p) => !p.isException).map((p) => p.text) ?? [];
  const firstPaths = new Map<string, string>();

  async function statOf(path: string, st: TreeStat): Promise<StatMessage> {
    const link = kindOf(st.mode) === "symlink" ? await tree.readlink(path) : null;
    return makeStat(path, st, link, firstPaths);
  }

  async function* visit(dir: string, ancestors: Frame[]): AsyncGenerator<WalkedItem> {
    const parent = ancestors[ancestors.length - 1];
    let entries;
    try {
      entries = await tree.readDir(dir);
    } catch (e) {
      if (isMissing(e)) return; // gone since it was listed: fsutil skips it
      // An unreadable directory that is not sent for itself is passed over, as fsutil passes it.
      if (parent && !parent.sent && isPermission(e)) return;
      yield { kind: "error", path: dir || ".", message: `cannot read the directory: ${ioReason(e)}` };
      return;
    }
    // The entries are stat'ed together, as they are met: the walk is bound by these calls' latency.
    const stats = new Map<string, Promise<TreeStat | Error>>();
    for (const { name } of entries) {
      const path = dir ? dir + "/" + name : name;
      stats.set(path, tree.lstat(path).catch((e: unknown) => e as Error));
    }
    for (const { name, isDirectory } of entries) {
      const path = dir ? dir + "/" + name : name;
      let skip = false;
      let includeMatches: ParentMatches = null;
      let excludeMatches: ParentMatches = null;
      if (include) {
        const m = matchWithParent(include, path, parent?.include ?? null);
        if (m.excluded === "error") {
          yield { kind: "error", path, message: "an include pattern is malformed" };
          return;
        }
        includeMatches = m.matches;
        if (!m.excluded) {
          if (isDirectory && !includeTexts.some((p) => mayMatchBelow(p, path))) continue;
          skip = true;
        }
      }
      if (exclude) {
        const m = matchWithParent(exclude, path, parent?.exclude ?? null);
        if (m.excluded === "error") {
          yield { kind: "error", path, message: "a .dockerignore pattern is malformed" };
          return;
        }
        excludeMatches = m.matches;
        if (m.excluded) {
          if (isDirectory && !mustDescend(exclude, path)) continue;
          skip = true;
        }
      }
      if (skip) {
        if (isDirectory) yield* visit(path, [...ancestors, { path, include: includeMatches, exclude: excludeMatches, sent: false }]);
        continue;
      }
      const st = await stats.get(path)!;
      if (st instanceof Error) {
        if (isMissing(st)) continue;
        yield { kind: "error", path, message: `cannot stat it: ${ioReason(st)}` };
        return;
      }
      const kind = kindOf(st.mode);
      if (kind === "other") {
        const type = st.mode & 0o170000;
        yield { kind: "skipped", path, why: type === 0o010000 ? "a named pipe" : type === 0o140000 ? "a socket" : "a device" };
        continue;
      }
      for (const a of ancestors) {
        if (a.sent) continue;
        try {
          yield { kind: "entry", stat: await statOf(a.path, await tree.lstat(a.path)) };
        } catch (e) {
          yield { kind: "error", path: a.path, message: `cannot stat it: ${ioReason(e)}` };
          return;
        }
        a.sent = true;
      }
      try {
        yield { kind: "entry", stat: await statOf(path, st) };
      } catch (e) {
        if (isMissing(e)) continue;
        yield { kind: "error", path, message: `cannot read the link: ${ioReason(e)}` };
        return;
      }
      if (kind === "directory") yield* visit(path, [...ancestors, { path, include: includeMatches, exclude: excludeMatches, sent: true }]);
    }
  }

  return { ok: true, items: visit("", []) };
}
