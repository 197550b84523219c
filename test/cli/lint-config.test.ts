// Configuration through the real bin: discovery from each Dockerfile up to the repository root, the
// user's files, --config, command-line flags over files, and errors that name the key (exit 2).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, tempDir, tempRepo, writeFiles } from "./lint-run.js";

const UNTAGGED = "FROM debian\n"; // DL3006 at 1:6
const codes = (out: string) => out.trim().split("\n").filter(Boolean).map((l) => `${l.split(":")[0]} ${l.split(" ")[2]}`);

describe("configuration discovery", () => {
  it("uses the nearest file walking up from each Dockerfile, dflint's before hadolint's in one directory", () => {
    const dir = tempRepo({
      ".hadolint.yaml": "ignored: [DL3006]\n",
      "a/Dockerfile": UNTAGGED,
      "b/.dflint.yaml": "override:\n  error: [DL3006]\n",
      "b/Dockerfile": UNTAGGED,
      "c/.hadolint.yaml": "ignored: [DF002]\n",
      "c/.dflint.yml": "override:\n  style: [DL3006]\n",
      "c/Dockerfile": UNTAGGED,
    });
    const r = run(["a/Dockerfile", "b/Dockerfile", "c/Dockerfile"], { cwd: dir });
    expect(r.out).toContain("b/Dockerfile:1:6: error DL3006");
    expect(r.out).toContain("c/Dockerfile:1:6: style DL3006");
    expect(r.out).not.toContain("a/Dockerfile");
    expect(r.code).toBe(1);
  });

  it("stops at the repository root: a file above it does not apply", () => {
    const outer = tempDir();
    writeFileSync(join(outer, ".dflint.yaml"), "ignored: [DL3006]\n");
    const repo = join(outer, "repo");
    mkdirSync(join(repo, ".git"), { recursive: true });
    writeFileSync(join(repo, "Dockerfile"), UNTAGGED);
    expect(run(["Dockerfile"], { cwd: repo }).out).toContain("DL3006");
    // Without a .git the walk goes on upward and finds it.
    const loose = join(outer, "loose");
    mkdirSync(loose);
    writeFileSync(join(loose, "Dockerfile"), UNTAGGED);
    expect(run(["Dockerfile"], { cwd: loose })).toEqual({ code: 0, out: "", err: "" });
  });

  it("falls back to the user's configuration directory, then hadolint's user files", () => {
    const dir = tempRepo({ Dockerfile: UNTAGGED });
    const xdg = tempDir({ "dflint/config.yaml": "ignored: [DL3006]\n" });
    expect(run(["Dockerfile"], { cwd: dir, env: { XDG_CONFIG_HOME: xdg } })).toEqual({ code: 0, out: "", err: "" });
    const hadolintXdg = tempDir({ "hadolint.yaml": "failure-threshold: error\n" });
    expect(run(["Dockerfile"], { cwd: dir, env: { XDG_CONFIG_HOME: hadolintXdg } }).code).toBe(0);
    const home = tempDir({ ".hadolint.yaml": "no-fail: true\n" });
    expect(run(["Dockerfile"], { cwd: dir, env: { HOME: home, XDG_CONFIG_HOME: undefined } })).toMatchObject({ code: 0, out: expect.stringContaining("DL3006") });
    // A project file wins over the user's.
    writeFiles(dir, { ".dflint.yaml": "override:\n  error: [DL3006]\n" });
    expect(run(["Dockerfile"], { cwd: dir, env: { XDG_CONFIG_HOME: xdg } }).out).toContain("error DL3006");
  });

  it("--config FILE replaces discovery", () => {
    const dir = tempRepo({ ".dflint.yaml": "ignored: [DL3006]\n", Dockerfile: UNTAGGED, "ci/strict.yaml": "override:\n  error: [DL3006]\n" });
    expect(run(["--config", "ci/strict.yaml", "Dockerfile"], { cwd: dir }).out).toContain("error DL3006");
    expect(run(["-c", "/dev/null", "Dockerfile"], { cwd: dir }).out).toContain("warning DL3006");
    expect(run(["--config", "nope.yaml", "Dockerfile"], { cwd: dir })).toEqual({ code: 2, out: "", err: "dflint: cannot read configuration nope.yaml: no such file\n" });
  });

  it("reads failure-threshold and no-fail from the file; the command line wins", () => {
    const dir = tempRepo({ ".hadolint.yaml": "failure-threshold: error\n", Dockerfile: UNTAGGED });
    expect(run(["Dockerfile"], { cwd: dir }).code).toBe(0);
    expect(run(["-t", "warning", "Dockerfile"], { cwd: dir }).code).toBe(1);
    writeFiles(dir, { ".hadolint.yaml": "no-fail: true\n" });
    expect(run(["Dockerfile"], { cwd: dir })).toMatchObject({ code: 0, out: expect.stringContaining("DL3006") });
  });

  it("adds command-line rule options to the file's", () => {
    const dir = tempRepo({ ".dflint.yaml": "ignored: [DL3006]\n", Dockerfile: UNTAGGED + "FORM x\n" });
    expect(codes(run(["Dockerfile"], { cwd: dir }).out)).toEqual(["Dockerfile DF002"]);
    expect(run(["--ignore", "DF002", "Dockerfile"], { cwd: dir })).toEqual({ code: 0, out: "", err: "" });
  });

  it("passes trusted registries, label schemas and pragma settings to the rules", () => {
    const dir = tempRepo({
      ".dflint.yaml": "trustedRegistries: [docker.io]\nlabel-schema:\n  maintainer: text\n",
      Dockerfile: "FROM quay.io/app/base:1.0\n",
      "pragma/.dflint.yaml": "disable-ignore-pragma: true\n",
      "pragma/Dockerfile": "# hadolint ignore=DL3006\nFROM debian\n",
    });
    const out = run(["-f", "json", "Dockerfile"], { cwd: dir }).out;
    const found = JSON.parse(out).map((f: { code: string }) => f.code);
    expect(found).toContain("DL3026"); // registry-not-trusted
    expect(found).toContain("DL3049"); // label-missing
    expect(run(["pragma/Dockerfile"], { cwd: dir }).out).toContain("DL3006");
    expect(run(["--disable-ignore-pragma", "-"], { input: "# hadolint ignore=DL3006\nFROM debian\n" }).out).toContain("DL3006");
    expect(run(["-"], { input: "# hadolint ignore=DL3006\nFROM debian\n" }).out).toBe("");
  });
});

describe("configuration errors", () => {
  it("names the file and the key, exits 2, and still lints files under other configurations", () => {
    const dir = tempRepo({ "bad/.dflint.yaml": "ignore: [DL3006]\n", "bad/Dockerfile": UNTAGGED, "good/Dockerfile": UNTAGGED });
    const r = run(["bad/Dockerfile", "good/Dockerfile"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`dflint: ${join(dir, "bad/.dflint.yaml")}: unknown key 'ignore' (did you mean 'ignored'?); valid keys: ignored, override, trustedRegistries, label-schema, strict-labels, failure-threshold, no-fail, disable-ignore-pragma, no-color, verbose, format, experimental, shellcheck\n`);
    expect(r.out).toBe(`good/Dockerfile:1:6: warning DL3006 ${JSON.parse(run(["-f", "json", "good/Dockerfile"], { cwd: dir }).out)[0].message} [image-untagged]\n`);
  });

  it("reports bad values and broken YAML once, with the key or the place", () => {
    const dir = tempRepo({ ".hadolint.yaml": "failure-threshold: high\n", "a/Dockerfile": UNTAGGED, "b/Dockerfile": UNTAGGED });
    const r = run(["a/Dockerfile", "b/Dockerfile"], { cwd: dir });
    expect(r).toEqual({ code: 2, out: "", err: `dflint: ${join(dir, ".hadolint.yaml")}: 'failure-threshold' must be one of error, warning, info, style, none, got 'high'\n` });
    writeFiles(dir, { ".hadolint.yaml": "ignored: [DL3006\n" });
    expect(run(["a/Dockerfile"], { cwd: dir }).err).toMatch(/\.hadolint\.yaml: not valid YAML at line 2, column 1: /);
    expect(run(["--config", ".hadolint.yaml", "a/Dockerfile"], { cwd: dir })).toMatchObject({ code: 2, out: "" });
  });

  it("notes rule names that match nothing, quietly for hadolint's and ShellCheck's codes", () => {
    const dir = tempRepo({ ".hadolint.yaml": "ignored: [SC2086, DL3006, imge-untagged]\n", Dockerfile: UNTAGGED });
    const r = run(["Dockerfile"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.err).toBe(`dflint: warning: ${join(dir, ".hadolint.yaml")}: 'ignored' names 'imge-untagged', which is no dflint rule; check the spelling\n`);
    expect(run(["-v", "Dockerfile"], { cwd: dir }).err).not.toContain("'SC2086'"); // ShellCheck's code is a rule when it runs
  });
});

describe("build options", () => {
  it("reads the context's .dockerignore, and <Dockerfile>.dockerignore over it", () => {
    const dir = tempRepo({ ".dockerignore": "# secrets\n\n*.env\n", Dockerfile: "FROM alpine:3.20\nCOPY secrets.env /app/\n" });
    expect(run(["-f", "json", "Dockerfile"], { cwd: dir }).out).toContain('"code":"DF213"');
    writeFiles(dir, { "Dockerfile.dockerignore": "*.md\n" });
    expect(run(["-f", "json", "Dockerfile"], { cwd: dir }).out).not.toContain("DF213");
    // --context points elsewhere: that context's file (the Dockerfile's own still wins, so remove it).
    const other = tempRepo({ ".dockerignore": "*.env\n" });
    const plain = tempRepo({ Dockerfile: "FROM alpine:3.20\nCOPY secrets.env /app/\n" });
    expect(run(["-f", "json", "Dockerfile"], { cwd: plain }).out).not.toContain("DF213");
    expect(run(["-f", "json", "--context", other, "Dockerfile"], { cwd: plain }).out).toContain('"code":"DF213"');
    expect(run(["-v", "--context", other, "Dockerfile"], { cwd: plain }).err).toContain(`ignore patterns from ${join(other, ".dockerignore")}`);
  });

  it("--build-arg reaches the model: an ARG given a value makes FROM valid", () => {
    const text = "ARG IMAGE\nFROM $IMAGE\n";
    expect(run(["-f", "json", "-"], { input: text }).out).toContain('"code":"DF105"');
    expect(run(["-f", "json", "--build-arg", "IMAGE=alpine:3.20", "-"], { input: text }).out).not.toContain("DF105");
    expect(run(["-f", "json", "--build-arg", "IMAGE", "-"], { input: text, env: { IMAGE: "alpine:3.20" } }).out).not.toContain("DF105");
  });

  it("--target names a stage of the file", () => {
    const text = "FROM alpine:3.20 AS build\nFROM build\n";
    expect(run(["-f", "json", "--target", "build", "-"], { input: text }).out).not.toContain("DF112");
    expect(run(["-f", "json", "--target", "biuld", "-"], { input: text }).out).toContain('"code":"DF112"');
  });
});

describe("reading .dockerignore", () => {
  it("reads patterns as moby does: comments in the first column, blank lines dropped, paths cleaned", async () => {
    const { parseDockerignore } = await import("../../src/cli/read-dockerignore.js");
    expect(parseDockerignore("\uFEFF# comment\n\n  *.env  \n!  keep.env\n/abs/path/\n./a/../b\n  # not a comment\nnode_modules/\n")).toEqual([
      "*.env",
      "!keep.env",
      "abs/path",
      "b",
      "# not a comment",
      "node_modules",
    ]);
  });
});
