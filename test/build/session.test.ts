// dflint build through the BuildKit session against the real engine: COPY of a folder, a file and a
// wildcard, .dockerignore and <Dockerfile>.dockerignore, symlinks, a Dockerfile from standard input and
// from outside the context, a missing COPY source, secrets, and the same files, modes and link targets
// in the image as the tar upload gives.
import { chmodSync, linkSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { build, type BuildEvent, type BuildOptions } from "../../src/build/build.js";
import { main } from "../../src/cli/main.js";
import { engine, imageFiles, needsEngine, removeImages, type ImageFile } from "./engine.js";

needsEngine("the BuildKit session tests");

const tags: string[] = [];
const roots: string[] = [];
let serial = 0;
const tag = (name: string) => {
  const t = `dflint-session-${name}:${process.pid}-${serial++}`;
  tags.push(t);
  return t;
};

function context(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "dflint-session-"));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    if (path.endsWith("/")) mkdirSync(join(root, path), { recursive: true });
    else writeFileSync(join(root, path), content);
  }
  return root;
}

async function built(options: BuildOptions) {
  const events: BuildEvent[] = [];
  const outcome = await build({ builder: "buildkit", ...options, onEvent: (e) => events.push(e) });
  return { outcome, events, notes: events.flatMap((e) => (e.type === "note" ? [e.message] : [])) };
}

// The files under `prefix` in an image: type, mode and link target (and content for small files).
const listing = (files: Map<string, ImageFile>, prefix: string) =>
  Object.fromEntries([...files].filter(([p]) => p === prefix || p.startsWith(prefix + "/")).map(([p, f]) => [p, `${f.type} ${(f.mode & 0o7777).toString(8)} ${f.linkname}${f.content}`]));
const paths = (files: Map<string, ImageFile>, prefix: string) => Object.keys(listing(files, prefix)).sort();

describe("dflint build through the BuildKit session (needs a Docker engine: run ../shared/engine/start-dockerd.sh)", () => {
  beforeEach((ctx) => ctx.skip(!engine, "no Docker engine answers here (.ci/run starts one, and CI fails without it)"));
  afterAll(async () => {
    if (!engine) return; // the tests were skipped: nothing to remove
    await removeImages(tags);
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  it("copies a folder, one file and a wildcard, and the daemon pulls only those", async () => {
    const root = context({
      "src/main.c": "int main(){}\n",
      "src/lib/util.c": "// util\n",
      "README.md": "read me\n",
      "a.json": "{}",
      "b.json": "[]",
      "big/blob.bin": "x".repeat(200_000),
      Dockerfile: "FROM scratch\nCOPY src /app/src\nCOPY README.md /app/\nCOPY *.json /app/cfg/\n",
    });
    const t = tag("copy");
    const { outcome, notes, events } = await built({ context: root, tags: [t] });
    expect(outcome.ok ? "" : outcome.error.message).toBe("");
    if (!outcome.ok) return;
    expect(outcome.result.transport).toBe("session");
    expect(events.find((e) => e.type === "start")).toMatchObject({ transport: "session" });
    expect(notes.some((n) => /BuildKit session/.test(n))).toBe(true);
    const files = await imageFiles(t);
    expect(paths(files, "app")).toEqual(["app", "app/README.md", "app/cfg", "app/cfg/a.json", "app/cfg/b.json", "app/src", "app/src/lib", "app/src/lib/util.c", "app/src/main.c"]);
    expect(files.get("app/src/lib/util.c")?.content).toBe("// util\n");
    // The 200 kB blob is never read: the daemon asks for the COPY sources (a fresh context: nothing cached).
    expect(outcome.result.sent.bytes).toBeLessThan(1000);
  });

  it("gives the image the same files, modes and link targets as the tar upload", async () => {
    const root = context({
      "bin/tool": "#!/bin/sh\necho tool\n",
      "conf/app.conf": "k=v\n",
      "conf/secret.key": "key",
      "docs/guide.md": "guide",
      "empty/": "",
      "deep/a/b/c/d.txt": "deep",
      "ignored/x": "x",
      "ignored/kept.txt": "kept",
      "x.log": "log",
      ".dockerignore": "ignored\n!ignored/kept.txt\n*.log\n",
      Dockerfile: "FROM scratch\nCOPY . /ctx/\n",
    });
    chmodSync(join(root, "bin/tool"), 0o755);
    chmodSync(join(root, "conf/secret.key"), 0o600);
    chmodSync(join(root, "empty"), 0o700);
    symlinkSync("../conf/app.conf", join(root, "bin/conf-link"));
    symlinkSync("/etc/hostname", join(root, "absolute-link"));
    symlinkSync("nowhere", join(root, "dangling"));
    linkSync(join(root, "docs/guide.md"), join(root, "docs/hard.md"));
    const viaSession = tag("same-session");
    const viaTar = tag("same-tar");
    const a = await built({ context: root, tags: [viaSession] });
    const b = await built({ context: root, tags: [viaTar], session: false });
    expect(a.outcome.ok && b.outcome.ok ? "" : `${a.outcome.ok ? "" : a.outcome.error.message} ${b.outcome.ok ? "" : b.outcome.error.message}`).toBe("");
    if (!a.outcome.ok || !b.outcome.ok) return;
    expect([a.outcome.result.transport, b.outcome.result.transport]).toEqual(["session", "tar"]);
    const session = listing(await imageFiles(viaSession), "ctx");
    const tar = listing(await imageFiles(viaTar), "ctx");
    expect(Object.keys(session).sort()).toEqual(Object.keys(tar).sort());
    expect(session).toEqual(tar);
    expect(session["ctx/bin/tool"]).toMatch(/^file 755 /);
    expect(session["ctx/conf/secret.key"]).toMatch(/^file 600 /);
    expect(session["ctx/bin/conf-link"]).toBe("symlink 777 ../conf/app.conf");
    expect(session["ctx/dangling"]).toBe("symlink 777 nowhere");
    expect(session["ctx/ignored/kept.txt"]).toBe("file 644 kept");
    expect(session["ctx/ignored/x"]).toBeUndefined();
    expect(session["ctx/x.log"]).toBeUndefined();
  });

  it("hides a Dockerfile and .dockerignore that .dockerignore lists, and a <Dockerfile>.dockerignore wins over .dockerignore", async () => {
    const root = context({
      "only-in-dockerignore.txt": "1",
      "only-in-own.txt": "2",
      "kept.txt": "3",
      ".dockerignore": "only-in-dockerignore.txt\nDockerfile\n.dockerignore\n",
      Dockerfile: "FROM scratch\nCOPY . /ctx/\n",
      "build/Custom.Dockerfile": "FROM scratch\nCOPY . /ctx/\n",
      "build/Custom.Dockerfile.dockerignore": "only-in-own.txt\nbuild\n",
    });
    const plain = tag("ignore-plain");
    const custom = tag("ignore-custom");
    const a = await built({ context: root, tags: [plain] });
    const b = await built({ context: root, tags: [custom], dockerfile: { kind: "path", path: join(root, "build/Custom.Dockerfile") } });
    expect(a.outcome.ok && b.outcome.ok).toBe(true);
    expect(paths(await imageFiles(plain), "ctx")).toEqual(["ctx", "ctx/build", "ctx/build/Custom.Dockerfile", "ctx/build/Custom.Dockerfile.dockerignore", "ctx/kept.txt", "ctx/only-in-own.txt"]);
    expect(paths(await imageFiles(custom), "ctx")).toEqual(["ctx", "ctx/.dockerignore", "ctx/Dockerfile", "ctx/kept.txt", "ctx/only-in-dockerignore.txt"]);
  });

  it("reads the Dockerfile from standard input and from outside the context, leaving the context as it is", async () => {
    const root = context({ "only.txt": "1" });
    const elsewhere = context({ "Outside.Dockerfile": "FROM scratch\nCOPY . /ctx/\nLABEL from=outside\n" });
    const fromStdin = tag("stdin");
    const fromOutside = tag("outside");
    const a = await built({ context: root, tags: [fromStdin], dockerfile: { kind: "text", text: Buffer.from("FROM scratch\nCOPY . /ctx/\n") } });
    const b = await built({ context: root, tags: [fromOutside], dockerfile: { kind: "path", path: join(elsewhere, "Outside.Dockerfile") } });
    expect(a.outcome.ok && b.outcome.ok).toBe(true);
    expect(paths(await imageFiles(fromStdin), "ctx")).toEqual(["ctx", "ctx/only.txt"]);
    expect(paths(await imageFiles(fromOutside), "ctx")).toEqual(["ctx", "ctx/only.txt"]);
    const inspect = await engine!.json<{ Config: { Labels: Record<string, string> } }>("GET", `/images/${encodeURIComponent(fromOutside)}/json`);
    expect(inspect.ok && inspect.body?.Config.Labels).toEqual({ from: "outside" });
  });

  it("fails on a missing COPY source with the daemon's message and the COPY's line, and exits 1 from the command line", async () => {
    const root = context({ "here.txt": "1", Dockerfile: "FROM scratch\nCOPY here.txt /\nCOPY nothere.txt /\n" });
    const { outcome } = await built({ context: root });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe("build");
    expect(outcome.error.message).toMatch(/nothere\.txt.*not found/);
    expect(outcome.error.dockerfile?.line).toBe(3);
    let err = "";
    const code = await main(["build", "--no-lint", "--progress", "plain", "--builder", "buildkit", root], { out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(1);
    expect(err).toMatch(/> 3 \| COPY nothere\.txt \//);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("serves --secret from a file and from the environment to RUN's secret mounts, and names a secret file that cannot be read", async () => {
    const root = context({
      "token.txt": "file-secret",
      Dockerfile: "FROM local/busybox\nRUN --mount=type=secret,id=tok --mount=type=secret,id=fromenv cat /run/secrets/tok /run/secrets/fromenv > /out\n",
    });
    const t = tag("secret");
    const { outcome } = await built({ context: root, tags: [t], noCache: true, network: "none", env: { ...process.env, DFLINT_TEST_SECRET: "-env-secret" }, secrets: [{ id: "tok", file: join(root, "token.txt") }, { id: "fromenv", env: "DFLINT_TEST_SECRET" }] });
    expect(outcome.ok ? "" : outcome.error.message).toBe("");
    expect((await imageFiles(t)).get("out")?.content).toBe("file-secret-env-secret");

    const missing = await built({ context: root, noCache: true, network: "none", secrets: [{ id: "tok", file: join(root, "no-such-token") }, { id: "fromenv", env: "DFLINT_TEST_SECRET" }], env: { ...process.env, DFLINT_TEST_SECRET: "x" } });
    expect(missing.outcome.ok).toBe(false);
    if (missing.outcome.ok) return;
    expect(missing.outcome.error.message).toContain(`cannot read the secret 'tok' from ${join(root, "no-such-token")}`);
  });

  it("refuses --secret with the legacy builder before sending anything", async () => {
    const root = context({ Dockerfile: "FROM scratch\n" });
    const { outcome } = await built({ context: root, builder: "legacy", secrets: [{ id: "x", env: "HOME" }] });
    expect(outcome.ok ? "" : outcome.error.kind).toBe("usage");
  });

  it("rebuilds from the cache through the session, to the same image", async () => {
    const root = context({ "a.txt": "a", Dockerfile: "FROM local/busybox\nCOPY a.txt /a.txt\nRUN cat /a.txt > /b.txt\n" });
    const first = await built({ context: root, network: "none" });
    const again = await built({ context: root, network: "none" });
    expect(first.outcome.ok && again.outcome.ok).toBe(true);
    if (!first.outcome.ok || !again.outcome.ok) return;
    expect(again.outcome.result.imageId).toBe(first.outcome.result.imageId);
    expect(again.outcome.result.sent.files).toBe(0); // the daemon kept what it synced: nothing is asked for again
  });
});
