// What `dflint lint` reads: directories searched for Dockerfiles, globs expanded by dflint itself,
// .gitignore and node_modules skipped, each file once, and any number of files in few handles.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, run, tempRepo, writeFiles } from "./lint-run.js";

const UNTAGGED = "FROM debian\n";
const files = (out: string) => out.trim().split("\n").filter(Boolean).map((l) => l.slice(0, l.indexOf(":")));

describe("directories", () => {
  it("finds Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile and Containerfile*, in name order", () => {
    const dir = tempRepo({
      "Dockerfile": UNTAGGED,
      "Dockerfile.dev": UNTAGGED,
      "api.Dockerfile": UNTAGGED,
      "web.dockerfile": UNTAGGED,
      "Containerfile": UNTAGGED,
      "Containerfile.prod": UNTAGGED,
      "svc/deep/Dockerfile": UNTAGGED,
      ".devcontainer/Dockerfile": UNTAGGED,
      // not Dockerfiles
      "Dockerfile.dockerignore": "*.env\n",
      "Dockerfile.orig": UNTAGGED,
      "Dockerfile~": UNTAGGED,
      "README.md": "FROM debian\n",
      "dockerfile-notes.txt": UNTAGGED,
    });
    const r = run(["."], { cwd: dir });
    expect(r.code).toBe(1);
    expect(files(r.out)).toEqual([
      ".devcontainer/Dockerfile",
      "Containerfile",
      "Containerfile.prod",
      "Dockerfile",
      "Dockerfile.dev",
      "api.Dockerfile",
      "svc/deep/Dockerfile",
      "web.dockerfile",
    ]);
    expect(files(run([dir]).out)).toContain(join(dir, "svc/deep/Dockerfile"));
  });

  it("skips node_modules and what .gitignore files ignore, at any level and up to the repository root", () => {
    const dir = tempRepo({
      ".gitignore": "build/\n*.tmp.Dockerfile\n/vendor\n# a comment\n!keep.tmp.Dockerfile\n",
      "app/Dockerfile": UNTAGGED,
      "app/build/Dockerfile": UNTAGGED,
      "app/x.tmp.Dockerfile": UNTAGGED,
      "app/keep.tmp.Dockerfile": UNTAGGED,
      "app/.gitignore": "generated/\n",
      "app/generated/Dockerfile": UNTAGGED,
      "vendor/Dockerfile": UNTAGGED,
      "app/vendor/Dockerfile": UNTAGGED, // /vendor is anchored to the root
      "node_modules/pkg/Dockerfile": UNTAGGED,
    });
    expect(files(run(["."], { cwd: dir }).out)).toEqual(["app/Dockerfile", "app/keep.tmp.Dockerfile", "app/vendor/Dockerfile"]);
    // Walking from a subdirectory still applies the root's .gitignore.
    expect(files(run(["app"], { cwd: dir }).out)).toEqual(["app/Dockerfile", "app/keep.tmp.Dockerfile", "app/vendor/Dockerfile"]);
    // A file named outright is linted even when ignored.
    expect(files(run(["app/build/Dockerfile"], { cwd: dir }).out)).toEqual(["app/build/Dockerfile"]);
  });

  it("says so when a directory holds no Dockerfile (exit 2)", () => {
    const dir = tempRepo({ "src/main.go": "package main\n" });
    expect(run(["src"], { cwd: dir })).toEqual({ code: 2, out: "", err: "dflint: no Dockerfiles found in src (looked for Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile*)\n" });
  });
});

describe("globs", () => {
  const dir = tempRepo({
    "Dockerfile": UNTAGGED,
    "services/api/Dockerfile": UNTAGGED,
    "services/api/Dockerfile.test": UNTAGGED,
    "services/web/Dockerfile": UNTAGGED,
    "services/web/nginx.conf": "events {}\n",
    "services/.hidden/Dockerfile": UNTAGGED,
    "images/a1.Dockerfile": UNTAGGED,
    "images/b2.Dockerfile": UNTAGGED,
    "images/cc.Dockerfile": UNTAGGED,
    "node_modules/x/Dockerfile": UNTAGGED,
  });

  it("expands *, ?, [...] within a segment", () => {
    expect(files(run(["services/*/Dockerfile"], { cwd: dir }).out)).toEqual(["services/api/Dockerfile", "services/web/Dockerfile"]);
    expect(files(run(["images/??.Dockerfile"], { cwd: dir }).out)).toEqual(["images/a1.Dockerfile", "images/b2.Dockerfile", "images/cc.Dockerfile"]);
    expect(files(run(["images/[ab]?.Dockerfile"], { cwd: dir }).out)).toEqual(["images/a1.Dockerfile", "images/b2.Dockerfile"]);
    expect(files(run(["images/[!ab]*.Dockerfile"], { cwd: dir }).out)).toEqual(["images/cc.Dockerfile"]);
    expect(files(run(["services/api/Dockerfile*"], { cwd: dir }).out)).toEqual(["services/api/Dockerfile", "services/api/Dockerfile.test"]);
  });

  it("expands ** across directories, skipping node_modules and hidden directories", () => {
    expect(files(run(["**/Dockerfile"], { cwd: dir }).out)).toEqual(["Dockerfile", "services/api/Dockerfile", "services/web/Dockerfile"]);
    expect(files(run([join(dir, "services/**/Dockerfile")]).out)).toEqual([join(dir, "services/api/Dockerfile"), join(dir, "services/web/Dockerfile")]);
  });

  it("lints each file once, whatever names it", () => {
    expect(files(run(["Dockerfile", "./Dockerfile", "*", "."], { cwd: dir }).out).filter((f) => f.endsWith("Dockerfile") && !f.includes("/"))).toEqual(["Dockerfile"]);
  });

  it("says so when a glob matches nothing, and lints the rest (exit 2)", () => {
    const r = run(["*.nothing", "Dockerfile"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe("dflint: no files match *.nothing\n");
    expect(files(r.out)).toEqual(["Dockerfile"]);
  });

  it("takes a literal path with glob characters when it exists", () => {
    const odd = tempRepo({ "weird[1].Dockerfile": UNTAGGED });
    expect(files(run(["weird[1].Dockerfile"], { cwd: odd }).out)).toEqual(["weird[1].Dockerfile"]);
  });
});

describe("many files", () => {
  it("lints 10,000 files in a directory tree with 128 file handles", () => {
    const dir = tempRepo();
    for (let d = 0; d < 100; d++) {
      mkdirSync(join(dir, `svc${d}`));
      for (let f = 0; f < 100; f++) writeFileSync(join(dir, `svc${d}`, `app${f}.Dockerfile`), UNTAGGED);
    }
    const r = spawnSync("sh", ["-c", 'ulimit -n 128 && exec "$0" "$1" -f text .', process.execPath, bin], { cwd: dir, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split("\n").length).toBe(10_000);
  }, 600_000);
});

describe("unreadable inputs", () => {
  it("reports a file it may not read by name and lints the others", () => {
    const dir = tempRepo({ "a/Dockerfile": UNTAGGED, "b/Dockerfile": UNTAGGED });
    // Root reads any file: as root, the child runs as nobody.
    const asRoot = process.getuid?.() === 0;
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "b/Dockerfile"), 0o644);
    chmodSync(join(dir, "a/Dockerfile"), 0o000);
    const r = spawnSync(process.execPath, [bin, "a/Dockerfile", "b/Dockerfile"], { cwd: dir, encoding: "utf8", ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("dflint: cannot read a/Dockerfile: permission denied\n");
    expect(files(r.stdout)).toEqual(["b/Dockerfile"]);
  });

  it("reports a directory given where a file is read by --config", () => {
    const dir = tempRepo({ Dockerfile: UNTAGGED });
    writeFiles(dir, { "conf/x": "" });
    expect(run(["--config", "conf", "Dockerfile"], { cwd: dir })).toMatchObject({ code: 2, err: "dflint: cannot read configuration conf: it is a directory\n" });
  });
});
