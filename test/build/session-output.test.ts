// dflint build --output against the real engine: the result's files written into a directory (merged
// with what is there, modes, symlinks and hard links kept, never written through a symlink), as a tar
// file and as a tar on a stream; refused with the legacy builder; and the CLI's reading of --output.
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { build, type BuildOptions } from "../../src/build/build.js";
import { parseOutput } from "../../src/build/outputs.js";
import { bin } from "../cli/lint-run.js";
import { engine, needsEngine } from "./engine.js";
import { readTar } from "./read-tar.js";

needsEngine("the --output tests");

const dirs: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

// A result with a file of its own mode, a symlink and a hard link, made by RUN, and a file from the context.
const DOCKERFILE = `FROM local/busybox AS build
RUN mkdir -p /out/sub && echo built > /out/sub/built.txt && chmod 750 /out/sub/built.txt && ln -s sub/built.txt /out/link && ln /out/sub/built.txt /out/hard.txt
FROM scratch
COPY --from=build /out /
COPY a.txt /
`;

function context(dockerfile = DOCKERFILE): string {
  const root = temp("dflint-output-ctx-");
  writeFileSync(join(root, "a.txt"), "from the context\n");
  writeFileSync(join(root, "Dockerfile"), dockerfile);
  return root;
}

/** The entries of a tar by name (without a directory's trailing /). */
async function tarEntries(bytes: Buffer): Promise<Map<string, { type: string; mode: number; linkname: string | null; body: string }>> {
  const entries = await readTar(bytes);
  return new Map(entries.map(({ header, body }) => [header.name.replace(/\/$/, ""), { type: header.type ?? "file", mode: header.mode ?? 0, linkname: header.linkname ?? null, body: body.toString() }]));
}

describe("dflint build --output (needs a Docker engine: run ../shared/engine/start-dockerd.sh)", () => {
  beforeEach((ctx) => ctx.skip(!engine, "no Docker engine answers here (.ci/run starts one, and CI fails without it)"));
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const options = (root: string): BuildOptions => ({ context: root, builder: "buildkit", network: "none" });

  it("writes the result's files into a directory, merged with what is there", async () => {
    const dest = join(temp("dflint-output-"), "out");
    mkdirSync(dest);
    writeFileSync(join(dest, "keep.txt"), "kept");
    writeFileSync(join(dest, "a.txt"), "old content");
    const outcome = await build({ ...options(context()), output: { type: "local", dest } });
    expect(outcome.ok ? "" : outcome.error.message).toBe("");
    if (!outcome.ok) return;
    expect(outcome.result.imageId).toBe("");
    expect(readdirSync(dest).sort()).toEqual(["a.txt", "hard.txt", "keep.txt", "link", "sub"]);
    expect(readFileSync(join(dest, "a.txt"), "utf8")).toBe("from the context\n");
    expect(readFileSync(join(dest, "keep.txt"), "utf8")).toBe("kept");
    const built = lstatSync(join(dest, "sub/built.txt"));
    expect(readFileSync(join(dest, "sub/built.txt"), "utf8")).toBe("built\n");
    expect(built.mode & 0o7777).toBe(0o750);
    expect(readlinkSync(join(dest, "link"))).toBe("sub/built.txt");
    expect(lstatSync(join(dest, "hard.txt")).ino).toBe(built.ino);
    expect(outcome.result.outputBytes).toBe("built\n".length + "from the context\n".length);
  });

  it("replaces a symlink in the destination instead of writing through it", async () => {
    const outside = temp("dflint-outside-");
    const dest = temp("dflint-output-");
    symlinkSync(outside, join(dest, "sub"));
    symlinkSync(join(outside, "a.txt"), join(dest, "a.txt"));
    const outcome = await build({ ...options(context()), output: { type: "local", dest } });
    expect(outcome.ok ? "" : outcome.error.message).toBe("");
    expect(readdirSync(outside)).toEqual([]);
    expect(lstatSync(join(dest, "sub")).isDirectory()).toBe(true);
    expect(readFileSync(join(dest, "sub/built.txt"), "utf8")).toBe("built\n");
    expect(lstatSync(join(dest, "a.txt")).isFile()).toBe(true);
  });

  it("writes the result as a tar, to a file and to a stream", async () => {
    const file = join(temp("dflint-output-"), "out.tar");
    const toFile = await build({ ...options(context()), output: { type: "tar", dest: file } });
    expect(toFile.ok ? "" : toFile.error.message).toBe("");
    const entries = await tarEntries(readFileSync(file));
    expect(entries.get("a.txt")?.body).toBe("from the context\n");
    expect(entries.get("hard.txt")).toMatchObject({ body: "built\n", mode: 0o750 });
    expect(entries.get("sub/built.txt")).toMatchObject({ type: "link", linkname: "hard.txt" });
    expect(entries.get("link")).toMatchObject({ type: "symlink", linkname: "sub/built.txt" });

    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    const toStream = await build({ ...options(context()), output: { type: "tar", dest: stream } });
    expect(toStream.ok ? "" : toStream.error.message).toBe("");
    expect([...(await tarEntries(Buffer.concat(chunks))).keys()].sort()).toEqual([...entries.keys()].sort());
  });

  it("writes -o - as a tar on standard output, to a file or to /dev/null, which is no terminal", async () => {
    const root = context();
    const cli = (out: string) => {
      const fd = openSync(out, "w");
      try {
        return spawnSync(process.execPath, [bin, "build", "-q", "--no-lint", "--builder", "buildkit", "--network", "none", "-o", "-", root], { stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
      } finally {
        closeSync(fd);
      }
    };
    const file = join(temp("dflint-output-"), "stdout.tar");
    const toFile = cli(file);
    expect(toFile.stderr).toBe("");
    expect(toFile.status).toBe(0);
    expect((await tarEntries(readFileSync(file))).get("a.txt")?.body).toBe("from the context\n");
    const toNull = cli("/dev/null");
    expect(toNull.stderr).toBe("");
    expect(toNull.status).toBe(0);
  });

  it("says why an output cannot be written before building", async () => {
    const dir = temp("dflint-output-");
    writeFileSync(join(dir, "afile"), "");
    const cases: [BuildOptions["output"], string][] = [
      [{ type: "local", dest: join(dir, "afile") }, `io: cannot create the output directory ${join(dir, "afile")}: a file is in the way`],
      [{ type: "tar", dest: join(dir, "no/such/out.tar") }, `io: cannot write the output to ${join(dir, "no/such/out.tar")}: no such file`],
      [{ type: "tar", dest: dir }, `io: cannot write the output to ${dir}: it is a directory (type=local writes into one)`],
    ];
    for (const [output, message] of cases) {
      const outcome = await build({ ...options(context()), output });
      expect(outcome.ok ? "" : `${outcome.error.kind}: ${outcome.error.message}`).toBe(message);
    }
  });

  it("refuses --output with the legacy builder before sending anything", async () => {
    const dest = join(temp("dflint-output-"), "never");
    const outcome = await build({ context: context(), builder: "legacy", output: { type: "local", dest } });
    expect(outcome.ok ? "" : `${outcome.error.kind}: ${outcome.error.message}`).toMatch(/^usage: --output needs BuildKit/);
    expect(existsSync(dest)).toBe(false);
  });

  it("reads --output as docker build does", () => {
    const cwd = "/work";
    expect(parseOutput("out", cwd)).toEqual({ ok: true, value: { type: "local", dest: "/work/out" } });
    expect(parseOutput("-", cwd)).toEqual({ ok: true, value: { type: "tar", dest: "-" } });
    expect(parseOutput("type=tar,dest=r.tar", cwd)).toEqual({ ok: true, value: { type: "tar", dest: "/work/r.tar" } });
    expect(parseOutput("type=local,dest=/abs", cwd)).toEqual({ ok: true, value: { type: "local", dest: "/abs" } });
    expect(parseOutput("type=image", cwd)).toMatchObject({ ok: false, error: expect.stringMatching(/type image is not supported/) });
    expect(parseOutput("type=tar", cwd)).toMatchObject({ ok: false, error: expect.stringMatching(/needs dest=FILE/) });
    expect(parseOutput("type=local,dest=-", cwd)).toMatchObject({ ok: false, error: expect.stringMatching(/needs a directory/) });
  });
});
