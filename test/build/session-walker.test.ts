// The session's packet walker against fsutil's own walker tests (filter_test.go: the entries and order
// its Walk reports for include patterns, exclude patterns and followpaths) and against the engine
// observations of shared/conformance/dockerignore/observed.json, which were seen with the docker CLI's
// session file sync. No engine needed.
import { chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { readDockerignore } from "../../src/model/dockerignore.js";
import { goFileMode } from "../../src/build/session/file-stat.js";
import { walkPackets, type WalkFilter } from "../../src/build/session/packet-walker.js";
import { diskTree, memoryTree } from "../../src/build/session/sync-tree.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

// fsutil's changeStream lines: "ADD path dir|file|symlink target|hardlink first".
function tree(lines: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "dflint-walk-"));
  roots.push(root);
  for (const line of lines) {
    const [, path, kind, arg] = line.split(" ") as [string, string, string, string | undefined];
    const p = join(root, path);
    if (kind === "dir") mkdirSync(p);
    else if (kind === "symlink") symlinkSync(arg!, p);
    else if (kind === "hardlink") linkSync(join(root, arg!), p);
    else writeFileSync(p, arg ?? "");
  }
  return root;
}

// fsutil's bufWalk: "dir bar", "file bar/foo", "symlink:target path", " >first" for a hard link.
async function walk(root: string, filter: WalkFilter = {}): Promise<string> {
  const w = await walkPackets(diskTree(root), filter);
  if (!w.ok) return `error: ${w.error}`;
  let out = "";
  for await (const item of w.items) {
    if (item.kind === "error") return out + `error: ${item.path}: ${item.message}\n`;
    if (item.kind === "skipped") continue;
    const s = item.stat;
    const type = s.mode >= 2 ** 31 ? "dir" : (s.mode & 2 ** 27) !== 0 ? "symlink:" + s.linkname : "file";
    out += `${type} ${s.path}${!type.startsWith("symlink") && s.linkname ? " >" + s.linkname : ""}\n`;
  }
  return out;
}

const lines = (text: string) => text.trim().split("\n").map((l) => l.trim()).join("\n") + "\n";

describe("the packet walker, on fsutil's walker tests", () => {
  it("walks in byte order, a directory before what it holds (TestWalkerSimple)", async () => {
    const d = tree(["ADD foo file", "ADD foo2 file", "ADD B dir", "ADD B/x file", "ADD a.b file"]);
    expect(await walk(d)).toBe(lines("dir B\nfile B/x\nfile a.b\nfile foo\nfile foo2"));
  });

  it("includes a matching path with its parent directories (TestWalkerInclude)", async () => {
    const d = tree(["ADD bar dir", "ADD bar/foo file", "ADD foo2 file"]);
    const both = "dir bar\nfile bar/foo\n";
    for (const p of ["bar", "bar/foo", "b*", "bar/f*", "b*/f*", "b*/foo", "b*/"]) expect(await walk(d, { includePatterns: [p] }), p).toBe(both);
    expect(await walk(d, { includePatterns: ["bar/g*"] })).toBe("");
    expect(await walk(d, { includePatterns: ["f*"] })).toBe("file foo2\n");
  });

  it("brings back what an exception names inside an excluded directory (TestWalkerExclude)", async () => {
    const d = tree(["ADD bar file", "ADD foo dir", "ADD foo2 file", "ADD foo/bar2 file"]);
    expect(await walk(d, { excludePatterns: ["foo*", "!foo/bar2"] })).toBe("file bar\ndir foo\nfile foo/bar2\n");
  });

  it("follows symlinks on followpaths to what they point at (TestWalkerFollowLinks)", async () => {
    const d = tree(["ADD bar file", "ADD foo dir", "ADD foo/l1 symlink /baz/one", "ADD foo/l2 symlink /baz/two", "ADD baz dir", "ADD baz/one file", "ADD baz/two symlink ../bax", "ADD bax file", "ADD bay file"]);
    expect(await walk(d, { followPaths: ["foo/l*", "bar"] })).toBe(lines(`
      file bar
      file bax
      dir baz
      file baz/one
      symlink:../bax baz/two
      dir foo
      symlink:/baz/one foo/l1
      symlink:/baz/two foo/l2`));
  });

  it("sends everything when a followed link points at the root (TestWalkerFollowLinksToRoot)", async () => {
    const d = tree(["ADD foo symlink .", "ADD bar file", "ADD bax file", "ADD bay dir", "ADD bay/baz file"]);
    expect(await walk(d, { followPaths: ["foo"] })).toBe("file bar\nfile bax\ndir bay\nfile bay/baz\nsymlink:. foo\n");
  });

  it("matches ** across directories (TestWalkerDoublestarInclude)", async () => {
    const d = tree(["ADD a dir", "ADD a/b dir", "ADD a/b/baz dir", "ADD a/b/bar dir", "ADD a/b/bar/foo file", "ADD a/b/bar/fop file", "ADD bar dir", "ADD bar/foo file", "ADD baz dir", "ADD foo2 file", "ADD foo dir", "ADD foo/bar dir", "ADD foo/bar/bee file"]);
    expect(await walk(d, { includePatterns: ["**/bar"] })).toBe(lines(`
      dir a
      dir a/b
      dir a/b/bar
      file a/b/bar/foo
      file a/b/bar/fop
      dir bar
      file bar/foo
      dir foo
      dir foo/bar
      file foo/bar/bee`));
    expect(await walk(d, { includePatterns: ["**/bar/foo"] })).toBe("dir a\ndir a/b\ndir a/b/bar\nfile a/b/bar/foo\ndir bar\nfile bar/foo\n");
    expect(await walk(d, { includePatterns: ["**/bar/f*"] })).toBe("dir a\ndir a/b\ndir a/b/bar\nfile a/b/bar/foo\nfile a/b/bar/fop\ndir bar\nfile bar/foo\n");
  });

  it("names the first path of a hard-linked file in the later ones, with no size (fsutil's setUnixOpt)", async () => {
    const d = tree(["ADD a file data", "ADD b hardlink a", "ADD c file other"]);
    expect(await walk(d)).toBe("file a\nfile b >a\nfile c\n");
    const w = await walkPackets(diskTree(d), {});
    const stats = [];
    if (w.ok) for await (const i of w.items) if (i.kind === "entry") stats.push(i.stat);
    expect(stats.map((s) => s.size)).toEqual([4, 0, 5]);
  });

  it("sends Go's file modes, nanosecond times and owner 0:0", async () => {
    const d = tree(["ADD x dir", "ADD x/run file #!", "ADD l symlink x/run"]);
    chmodSync(join(d, "x/run"), 0o4755);
    const w = await walkPackets(diskTree(d), {});
    const stats = [];
    if (w.ok) for await (const i of w.items) if (i.kind === "entry") stats.push(i.stat);
    expect(stats.map((s) => [s.path, s.mode.toString(8), s.uid, s.gid, s.linkname])).toEqual([
      ["l", (2 ** 27 + 0o777).toString(8), 0, 0, "x/run"],
      ["x", (2 ** 31 + 0o755).toString(8), 0, 0, ""],
      ["x/run", (2 ** 23 + 0o755).toString(8), 0, 0, ""],
    ]);
    expect(goFileMode(0o041777)).toBe(2 ** 31 + 2 ** 20 + 0o777); // the sticky bit of /tmp
    expect(stats[1]!.size).toBe(0); // a directory has no size
    expect(stats[2]!.modTime).toBe(lstatSync(join(d, "x/run"), { bigint: true }).mtimeNs); // not rounded to seconds as in a tar
  });

  it("refuses a malformed pattern before sending anything (TestInvalidExcludePatterns)", async () => {
    const d = tree(["ADD foo file data1"]);
    expect(await walk(d, { excludePatterns: ["!"] })).toMatch(/^error: a malformed exclude pattern/);
  });

  it("serves a Dockerfile held in memory under its name", async () => {
    const t = memoryTree([{ name: "Custom.Dockerfile", content: Buffer.from("FROM scratch\n"), mode: 0o640, mtimeNs: 5n }]);
    const w = await walkPackets(t, { followPaths: ["Custom.Dockerfile", "Custom.Dockerfile.dockerignore"] });
    const stats = [];
    if (w.ok) for await (const i of w.items) if (i.kind === "entry") stats.push(i.stat);
    expect(stats).toEqual([{ path: "Custom.Dockerfile", mode: 0o640, uid: 0, gid: 0, size: 13, modTime: 5n, linkname: "" }]);
    const chunks = [];
    for await (const c of t.read("Custom.Dockerfile", 4)) chunks.push(Buffer.from(c).toString());
    expect(chunks).toEqual(["FROM", " scr", "atch", "\n"]);
  });
});

// Files of moby's integration-cli trees that the records do not name but the observed build had
// (TestBuildDockerignoreExceptions's exceptions bring `dir` back through them).
const UPSTREAM_TREES: Array<[string, string[]]> = [["TestBuildDockerignoreExceptions", ["dir/e", "dir/e-dir/foo", "dir/dir/foo", "dir/foo1", "dir/a.cc"]]];

interface Observed {
  dockerignore: string;
  path: string;
  excluded: boolean;
  observed_with: string[];
  source: string;
}

needsShared("the session walker's dockerignore observations");

describe("the packet walker, on the engine observations of .dockerignore (needs ../shared)", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the engine observations, is not beside this clone"));
  const records = hasShared ? (JSON.parse(readFileSync(shared("conformance/dockerignore/observed.json"), "utf8")) as Observed[]).filter((r) => r.observed_with.some((w) => w.includes("session file sync"))) : [];
  // One context per scenario: every path the records name, a directory when another path is below it.
  const scenarios = new Map<string, Observed[]>();
  for (const r of records) scenarios.set(r.source + "\0" + r.dockerignore, [...(scenarios.get(r.source + "\0" + r.dockerignore) ?? []), r]);

  it("has the observations to check", () => {
    expect(records.length).toBeGreaterThan(50);
  });

  for (const [key, group] of scenarios) {
    it(`sends what COPY . saw: ${key.split("\0")[0]!.replace(/^observed on a real engine[: ]*/, "")} ${JSON.stringify(group[0]!.dockerignore)}`, async () => {
      const root = mkdtempSync(join(tmpdir(), "dflint-observed-"));
      roots.push(root);
      const paths = [...group.map((r) => r.path), ...(UPSTREAM_TREES.find(([name]) => group[0]!.source.includes(name))?.[1] ?? [])];
      const dirs = new Set(paths.filter((p) => paths.some((q) => q.startsWith(p + "/"))));
      for (const p of [...paths].sort()) {
        if (dirs.has(p)) mkdirSync(join(root, p), { recursive: true });
        else {
          mkdirSync(join(root, p, ".."), { recursive: true });
          writeFileSync(join(root, p), "x");
        }
      }
      const w = await walkPackets(diskTree(root), { excludePatterns: readDockerignore(group[0]!.dockerignore) });
      expect(w.ok).toBe(true);
      const sent: string[] = [];
      if (w.ok) for await (const i of w.items) if (i.kind === "entry") sent.push(i.stat.path);
      // A path is in the image when it was sent, or, for a directory, when something below it was.
      const seen = (p: string) => sent.includes(p) || sent.some((s) => s.startsWith(p + "/"));
      for (const r of group) expect(seen(r.path) ? "sent" : "excluded", r.path).toBe(r.excluded ? "excluded" : "sent");
    });
  }
});
