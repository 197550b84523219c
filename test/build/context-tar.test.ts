// The context tar as docker's CLI makes it: headers, order, links, skipped special files, and the
// walk's .dockerignore rules, checked by reading the tar back.
import { execFileSync } from "node:child_process";
import { appendFileSync, chmodSync, linkSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packContext } from "../../src/build/context-tar.js";
import { walkContext, type WalkItem } from "../../src/build/context-walk.js";
import { compileDockerignore } from "../../src/model/dockerignore.js";
import { readTar } from "./read-tar.js";

async function pack(root: string, patterns: string[] = []) {
  const notes: string[] = [];
  const { stream, done } = packContext(walkContext(root, { ignore: compileDockerignore(patterns) }), { onNote: (n) => notes.push(n) });
  const entries = await readTar(stream);
  return { entries, notes, outcome: await done };
}

describe("the context tar", () => {
  let root: string;
  let server: Server;
  const longName = "d".repeat(60) + "/" + "e".repeat(60) + "/" + "f".repeat(114) + ".txt";

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "dflint-tar-"));
    writeFileSync(join(root, "Dockerfile"), "FROM scratch\n");
    writeFileSync(join(root, "a.txt"), "hello\n");
    chmodSync(join(root, "a.txt"), 0o4755);
    utimesSync(join(root, "a.txt"), 1700000005.75, 1700000005.75);
    linkSync(join(root, "a.txt"), join(root, "hard.txt"));
    symlinkSync("../outside/secret", join(root, "link.txt"));
    mkdirSync(join(root, "keep"));
    writeFileSync(join(root, "keep", "k.txt"), "k");
    writeFileSync(join(root, "ümlaut.txt"), "u");
    mkdirSync(join(root, longName.slice(0, 121)), { recursive: true });
    writeFileSync(join(root, longName), "long");
    execFileSync("mkfifo", [join(root, "fifo1")]);
    server = createServer();
    await new Promise<void>((r) => server.listen(join(root, "sock"), r));
  });
  afterAll(() => {
    server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("sends every entry depth first in byte order, with docker's normalised headers", async () => {
    const { entries, outcome } = await pack(root);
    expect(outcome.ok).toBe(true);
    expect(entries.map((e) => e.header.name)).toEqual([
      "Dockerfile",
      "a.txt",
      "d".repeat(60) + "/",
      "d".repeat(60) + "/" + "e".repeat(60) + "/",
      longName,
      "hard.txt",
      "keep/",
      "keep/k.txt",
      "link.txt",
      "ümlaut.txt",
    ]);
    for (const { header } of entries) {
      expect([header.uid, header.gid, header.uname, header.gname]).toEqual([0, 0, "", ""]);
      expect(header.mtime!.getTime() % 1000).toBe(0);
    }
    const byName = new Map(entries.map((e) => [e.header.name, e]));
    const a = byName.get("a.txt")!;
    expect(a.header.mode).toBe(0o4755);
    expect(a.header.mtime!.getTime()).toBe(1700000005000);
    expect(a.body.toString()).toBe("hello\n");
    expect(byName.get("hard.txt")!.header).toMatchObject({ type: "link", linkname: "a.txt", size: 0 });
    expect(byName.get("link.txt")!.header).toMatchObject({ type: "symlink", linkname: "../outside/secret" });
    expect(byName.get("keep/")!.header.type).toBe("directory");
    expect(byName.get(longName)!.body.toString()).toBe("long");
  });

  it("skips named pipes and sockets with a note", async () => {
    const { notes } = await pack(root);
    expect(notes).toEqual([expect.stringMatching(/^fifo1 is a named pipe/), expect.stringMatching(/^sock is a socket/)]);
  });

  it("leaves out what .dockerignore excludes, and a hard link's first sent path carries the data", async () => {
    const { entries } = await pack(root, ["a.txt", "keep", "d*"]);
    const names = entries.map((e) => e.header.name);
    expect(names).toEqual(["Dockerfile", "hard.txt", "link.txt", "ümlaut.txt"]);
    expect(entries[1]!.header.type).toBe("file");
    expect(entries[1]!.body.toString()).toBe("hello\n");
  });

  it("reports an unreadable file by name instead of sending a broken tar", async () => {
    if (process.getuid?.() === 0) {
      // root reads any file; a directory that vanishes under the walk gives the same error path
      const gone = mkdtempSync(join(tmpdir(), "dflint-gone-"));
      writeFileSync(join(gone, "x"), "x");
      const { stream, done } = packContext(walkContext(join(gone, "missing"), { ignore: null }));
      stream.on("error", () => {}); // the request would see it; here `done` says it
      stream.resume();
      const outcome = await done;
      rmSync(gone, { recursive: true });
      expect(outcome).toEqual({ ok: false, error: expect.stringContaining("cannot send .: cannot read the directory") });
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), "dflint-perm-"));
    writeFileSync(join(dir, "secret"), "x");
    chmodSync(join(dir, "secret"), 0);
    const { stream, done } = packContext(walkContext(dir, { ignore: null }));
    stream.on("error", () => {});
    stream.resume();
    expect(await done).toEqual({ ok: false, error: "cannot send secret: permission denied" });
    rmSync(dir, { recursive: true });
  });
  // A file read after the walk stat'ed it: the tar's header already says its old size, so a change is
  // an error naming the file, never a tar whose entry and header disagree.
  it.each([
    ["grows", (file: string) => appendFileSync(file, "more"), "cannot send grows.txt: it changed size while the context was read"],
    ["is removed", (file: string) => rmSync(file), "cannot send is removed.txt: it disappeared while the context was read"],
  ])("names a file that %s between its stat and its read", async (what, change, error) => {
    const dir = mkdtempSync(join(tmpdir(), "dflint-change-"));
    const file = join(dir, `${what}.txt`);
    writeFileSync(file, "before\n");
    async function* items(): AsyncGenerator<WalkItem> {
      const stats = lstatSync(file);
      change(file);
      yield { kind: "entry", entry: { path: `${what}.txt`, absolute: file, type: "file", stats } };
    }
    const { stream, done } = packContext(items());
    stream.on("error", () => {}); // the request would see it; here `done` says it
    stream.resume();
    expect(await done).toEqual({ ok: false, error });
    rmSync(dir, { recursive: true });
  });
});
