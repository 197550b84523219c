// dflint build against the real engine: both builders, cache, args, targets, multi-stage, scratch,
// failures with their Dockerfile line, symlinks and .dockerignore, minimal against full context,
// standard input, an unreachable engine and cancelling.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { build, type BuildEvent, type BuildOptions } from "../../src/build/build.js";
import { main } from "../../src/cli/main.js";
import { engine, imageFiles, needsEngine, removeImages } from "./engine.js";

needsEngine("the build tests");

const tags: string[] = [];
const tag = (name: string) => {
  const t = `dflint-test-${name}:${process.pid}`;
  tags.push(t);
  return t;
};

function context(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "dflint-build-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

async function built(options: BuildOptions) {
  const events: BuildEvent[] = [];
  const outcome = await build({ ...options, onEvent: (e) => events.push(e) });
  const legacyText = events.map((e) => (e.type === "message" ? (e.message.stream ?? "") : "")).join("");
  const logs = events.flatMap((e) => (e.type === "status" ? e.status.logs.map((l) => l.msg) : [])).join("");
  const vertexes = events.flatMap((e) => (e.type === "status" ? e.status.vertexes : []));
  return { outcome, events, legacyText, logs, vertexes };
}

const contents = (files: Map<string, { type: string; content: string; linkname: string; mode: number }>, prefix: string) =>
  Object.fromEntries([...files].filter(([p]) => p.startsWith(prefix)).map(([p, f]) => [p, `${f.type} ${f.mode.toString(8)} ${f.linkname}${f.content}`]));

describe("dflint build (needs a Docker engine: run ../shared/engine/start-dockerd.sh)", () => {
  beforeEach((ctx) => ctx.skip(!engine, "no Docker engine answers here (.ci/run starts one, and CI fails without it)"));
  const roots: string[] = [];
  afterAll(async () => {
    if (!engine) return; // the tests were skipped: nothing to remove
    await removeImages(tags);
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });
  const ctx = (files: Record<string, string>) => {
    const r = context(files);
    roots.push(r);
    return r;
  };

  for (const builder of ["legacy", "buildkit"] as const) {
    describe(builder, () => {
      let multi: string;
      beforeAll(() => {
        multi = ctx({
          "hello.txt": "hello\n",
          Dockerfile: [
            "FROM local/busybox AS base",
            "ARG GREETING=hi",
            'RUN echo "$GREETING" > /greeting',
            "FROM local/busybox AS unused",
            "RUN exit 7",
            "FROM scratch AS final",
            "COPY --from=base /greeting /greeting",
            "COPY hello.txt /hello.txt",
            "LABEL stage=final",
            "FROM local/busybox AS after",
            "RUN exit 8",
            "",
          ].join("\n"),
        });
      });

      it("builds a target with build args and COPY --from into FROM scratch, skipping stages it does not need", async () => {
        const t = tag(`multi-${builder}`);
        const { outcome } = await built({ context: multi, builder, target: "final", tags: [t], buildArgs: { GREETING: "bonjour" }, labels: { via: "dflint" } });
        expect(outcome.ok ? "" : outcome.error.message).toBe("");
        if (!outcome.ok) return;
        expect(outcome.result.imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
        const files = await imageFiles(t);
        expect(files.get("greeting")?.content).toBe("bonjour\n");
        expect(files.get("hello.txt")?.content).toBe("hello\n");
        const inspect = await engine!.json<{ Id: string; Config: { Labels: Record<string, string> } }>("GET", `/images/${encodeURIComponent(t)}/json`);
        expect(inspect.ok && inspect.body?.Id).toBe(outcome.result.imageId);
        expect(inspect.ok && inspect.body?.Config.Labels).toEqual({ stage: "final", via: "dflint" });
      });

      it("rebuilds from the cache, to the same image", async () => {
        const first = await built({ context: multi, builder, target: "final", buildArgs: { GREETING: "bonjour" }, labels: { via: "dflint" } });
        const again = await built({ context: multi, builder, target: "final", buildArgs: { GREETING: "bonjour" }, labels: { via: "dflint" } });
        expect(first.outcome.ok && again.outcome.ok).toBe(true);
        if (!first.outcome.ok || !again.outcome.ok) return;
        expect(again.outcome.result.imageId).toBe(first.outcome.result.imageId);
        if (builder === "legacy") expect(again.legacyText).toContain("Using cache");
        else expect(again.vertexes.some((v) => v.cached && v.name.includes("RUN echo"))).toBe(true);
      });

      it("fails on a failing RUN with the daemon's message and the RUN's line", async () => {
        const root = ctx({ Dockerfile: "FROM local/busybox\nRUN echo about-to-fail && exit 3\nRUN echo never\n" });
        const { outcome, legacyText, logs } = await built({ context: root, builder });
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.error.kind).toBe("build");
        expect(outcome.error.message).toMatch(builder === "legacy" ? /returned a non-zero code: 3/ : /exit code: 3/);
        expect(outcome.error.dockerfile?.line).toBe(2);
        expect(builder === "legacy" ? legacyText : logs).toContain("about-to-fail");
      });

      it("fails on a syntax error with its line", async () => {
        const root = ctx({ Dockerfile: "FROM local/busybox\nFOO bar\n" });
        const { outcome } = await built({ context: root, builder });
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.error.message).toMatch(/unknown instruction: FOO/i);
        expect(outcome.error.dockerfile?.line).toBe(2);
      });

      it("sends symlinks as links and leaves out what .dockerignore excludes", async () => {
        const root = ctx({ "a.txt": "a\n", "secret/key": "k", "x.log": "log", "keep/k.txt": "k\n", ".dockerignore": "secret\n*.log\nDockerfile\n.dockerignore\n", Dockerfile: "FROM scratch\nCOPY . /ctx/\n" });
        symlinkSync("a.txt", join(root, "link.txt"));
        symlinkSync("/etc/passwd", join(root, "outside"));
        const t = tag(`ignore-${builder}`);
        const { outcome } = await built({ context: root, builder, tags: [t] });
        expect(outcome.ok ? "" : outcome.error.message).toBe("");
        const files = await imageFiles(t);
        const paths = [...files.keys()].filter((p) => p.startsWith("ctx/")).sort();
        // The legacy daemon deletes the Dockerfile and .dockerignore it was told to ignore; BuildKit's session reads them from their own directory.
        expect(paths).toEqual(["ctx/a.txt", "ctx/keep", "ctx/keep/k.txt", "ctx/link.txt", "ctx/outside"]);
        expect(files.get("ctx/link.txt")).toMatchObject({ type: "symlink", linkname: "a.txt" });
        expect(files.get("ctx/outside")).toMatchObject({ type: "symlink", linkname: "/etc/passwd" });
      });

      it("gives the same files in the image from the minimal context as from the full one", async () => {
        const root = ctx({
          "src/main.c": "int main(){}\n",
          "src/lib/util.c": "//\n",
          "docs/big.md": "x".repeat(100_000),
          "a.json": "{}",
          "b.json": "[]",
          "c.txt": "c",
          "linked/real.txt": "real\n",
          Dockerfile: 'FROM scratch\nARG DIR=src\nCOPY ${DIR} /app/src\nCOPY *.json /app/\nCOPY via/real.txt /app/\nCOPY ["c.txt", "/app/c"]\n',
        });
        symlinkSync("linked", join(root, "via"));
        const full = tag(`full-${builder}`);
        const minimal = tag(`minimal-${builder}`);
        // The tar upload's minimal context (a BuildKit session is minimal by itself: session*.test.ts).
        const a = await built({ context: root, builder, tags: [full], contextMode: "full", session: false });
        const b = await built({ context: root, builder, tags: [minimal], contextMode: "minimal", session: false });
        expect(a.outcome.ok && b.outcome.ok).toBe(true);
        if (!a.outcome.ok || !b.outcome.ok) return;
        expect(b.outcome.result.minimal).toEqual({ roots: ["a.json", "b.json", "c.txt", "linked/real.txt", "src", "via"] });
        expect(b.outcome.result.sent.bytes).toBeLessThan(a.outcome.result.sent.bytes / 10);
        const fa = contents(await imageFiles(full), "app");
        expect(Object.keys(fa).sort()).toEqual(["app", "app/a.json", "app/b.json", "app/c", "app/real.txt", "app/src", "app/src/lib", "app/src/lib/util.c", "app/src/main.c"]);
        expect(contents(await imageFiles(minimal), "app")).toEqual(fa);
        if (builder === "legacy") expect(b.outcome.result.imageId).toBe(a.outcome.result.imageId);
      });

      it("reads the Dockerfile from standard input without leaving it in the context", async () => {
        const root = ctx({ "only.txt": "1" });
        const t = tag(`stdin-${builder}`);
        const { outcome } = await built({ context: root, builder, tags: [t], dockerfile: { kind: "text", text: Buffer.from("FROM scratch\nCOPY . /ctx/\n") } });
        expect(outcome.ok ? "" : outcome.error.message).toBe("");
        const paths = [...(await imageFiles(t)).keys()].filter((p) => p.startsWith("ctx/"));
        if (builder === "legacy") expect(paths).toEqual(["ctx/only.txt"]);
        else expect(paths.filter((p) => !p.startsWith("ctx/.docker"))).toEqual(["ctx/only.txt"]);
      });
    });
  }

  it("cancels a running build when the signal aborts", async () => {
    const root = ctx({ Dockerfile: "FROM local/busybox\nRUN sleep 30\n" });
    const controller = new AbortController();
    const started = Date.now();
    const pending = build({ context: root, builder: "buildkit", noCache: true, signal: controller.signal, onEvent: (e) => e.type === "status" && e.status.vertexes.some((v) => v.name.includes("sleep") && v.started) && controller.abort() });
    const outcome = await pending;
    expect(outcome.ok ? "built" : outcome.error.kind).toBe("aborted");
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("says which engine address it tried when none answers, and exits 2", async () => {
    const root = ctx({ Dockerfile: "FROM scratch\n" });
    const outcome = await build({ context: root, env: { DOCKER_HOST: "unix:///tmp/dflint-no-engine.sock" } });
    expect(outcome.ok ? "" : outcome.error.kind).toBe("unreachable");
    expect(outcome.ok ? "" : outcome.error.message).toMatch(/cannot reach the Docker engine at unix:\/\/\/tmp\/dflint-no-engine\.sock .*Start an engine/);
  });

  it("sends the context gzipped with compress, to the same image", async () => {
    const root = ctx({ Dockerfile: "FROM scratch\nCOPY . /ctx/\n", "big.txt": "compressible\n".repeat(20_000) });
    const plain = await built({ context: root, builder: "legacy" });
    const gzipped = await built({ context: root, builder: "legacy", compress: true });
    expect(plain.outcome.ok && gzipped.outcome.ok).toBe(true);
    if (!plain.outcome.ok || !gzipped.outcome.ok) return;
    expect(gzipped.outcome.result.imageId).toBe(plain.outcome.result.imageId);
    const uploaded = (events: BuildEvent[]) => Math.max(...events.flatMap((e) => (e.type === "upload" ? [e.bytes] : [])));
    expect(uploaded(gzipped.events)).toBeLessThan(uploaded(plain.events) / 10);
  });

  it("gives the legacy builder's RUN the memory and CPU limits, and says BuildKit ignores them", async () => {
    // cgroup v2 names the limit memory.max, v1 memory.limit_in_bytes; both say it in bytes.
    const root = ctx({ Dockerfile: "FROM local/busybox:latest\nRUN (cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes) > /memory\n" });
    const t = tag("resources");
    const { outcome } = await built({ context: root, builder: "legacy", tags: [t], noCache: true, resources: { memory: 64 * 1024 * 1024, cpuShares: 512 } });
    expect(outcome.ok ? "" : outcome.error.message).toBe("");
    expect((await imageFiles(t)).get("memory")?.content).toBe(`${64 * 1024 * 1024}\n`);
    const withBuildkit = await built({ context: root, builder: "buildkit", resources: { memory: 64 * 1024 * 1024 } });
    expect(withBuildkit.outcome.ok).toBe(true);
    expect(withBuildkit.events.some((e) => e.type === "note" && /BuildKit ignores them/.test(e.message))).toBe(true);
  });

  it("prints the failure with a code frame and exits 1 from the command line", async () => {
    const root = ctx({ Dockerfile: "FROM local/busybox:latest\nRUN exit 5\n" });
    let err = "";
    const code = await main(["build", "--progress", "plain", "--builder", "legacy", root], { out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(1);
    expect(err).toContain("dflint: build failed: The command '/bin/sh -c exit 5' returned a non-zero code: 5");
    expect(err).toMatch(/> 2 \| RUN exit 5/);
  });
});
