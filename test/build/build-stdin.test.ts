// `dflint build -` through the real bin against the real engine: the Dockerfile on standard input and
// no context (the CLI's empty directory), with both builders; an archive on standard input is refused
// with a sentence, as is -f beside it.
import { spawnSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { bin, run } from "../cli/lint-run.js";
import { engine, imageFiles, needsEngine, removeImages } from "./engine.js";

needsEngine("the tests of a Dockerfile on standard input");

const tags: string[] = [];

describe("dflint build - (needs a Docker engine: run ../shared/engine/start-dockerd.sh)", () => {
  beforeEach((ctx) => ctx.skip(!engine, "no Docker engine answers here (.ci/run starts one, and CI fails without it)"));
  afterAll(async () => {
    if (engine) await removeImages(tags);
  });

  for (const builder of ["legacy", "buildkit"] as const) {
    it(`builds a Dockerfile from standard input with no context (${builder})`, async () => {
      const tag = `dflint-stdin-context:${builder}-${process.pid}`;
      tags.push(tag);
      const r = run(["build", "-q", "--no-lint", "--builder", builder, "--network", "none", "-t", tag, "-"], { input: "FROM local/busybox:latest\nCOPY . /ctx/\nRUN echo made > /made\n" });
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^sha256:[0-9a-f]{64}\n$/);
      const files = await imageFiles(tag);
      expect(files.get("made")?.content).toBe("made\n");
      // The context is empty, not the working directory (the project, here); the generated Dockerfile of
      // the tar upload is listed in its .dockerignore and never reaches the image.
      expect([...files.keys()].filter((p) => p.startsWith("ctx/") && !p.startsWith("ctx/.docker"))).toEqual([]);
      expect(files.has("ctx")).toBe(true);
    });
  }

  it("lints the Dockerfile from standard input first", () => {
    const r = run(["build", "--builder", "buildkit", "-"], { input: "FROM local/busybox:latest\nFROBNICATE x\n" });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^-:2:1: error /m);
    expect(r.err).toContain("dflint: not built");
  });

  it("refuses an archive on standard input, and -f beside it", () => {
    const archive = spawnSync(process.execPath, [bin, "build", "-"], { input: gzipSync(Buffer.from("FROM scratch\n")), encoding: "utf8" });
    expect(archive.status).toBe(2);
    expect(archive.stderr).toBe("dflint: standard input holds an archive: dflint builds from standard input only a Dockerfile (no context); extract the archive and give its directory\n");
    const both = run(["build", "-f", "Dockerfile", "-"]);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/^dflint: with - as the context, standard input is the Dockerfile: -f cannot be given too/);
  });
});
