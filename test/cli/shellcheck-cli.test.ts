// ShellCheck through the real bin: SC findings in the output formats, turned off by flag or configuration,
// addressed by code, one process per Dockerfile, and a note (never a failure) when it is absent or broken.
import { chmodSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { findShellcheck } from "../../src/cli/run-shellcheck.js";
import { run, tempDir, tempRepo } from "./lint-run.js";

const shellcheckPath = findShellcheck();
const hasShellcheck = shellcheckPath !== null;
if (!hasShellcheck && process.env.CI === "true") {
  it("finds the shellcheck binary", () => {
    throw new Error("shellcheck is not on PATH; CI installs it (apt-get install shellcheck) and must run these tests");
  });
}

const UNQUOTED = "FROM debian:12.5\nRUN echo $a\n"; // SC2086 and SC2154 at 2:10
const NOTE = "shellcheck not found on PATH; SC checks skipped (install: apt-get install shellcheck)";
const scCodes = (out: string) => [...out.matchAll(/ (SC\d+) /g)].map((m) => m[1]);

/** A directory for PATH holding one executable script named shellcheck. */
function pathWith(script: string): string {
  const dir = tempDir({ shellcheck: script });
  chmodSync(join(dir, "shellcheck"), 0o755);
  return dir;
}

describe("dflint lint with ShellCheck (needs the shellcheck binary)", () => {
  beforeEach((ctx) => ctx.skip(!hasShellcheck, "shellcheck is not on PATH (a system package: .ci/run installs it, and CI fails without it)"));
  it("prints SC findings with their code, rule and place in json", () => {
    const r = run(["-f", "json", "--stdin-filename", "Dockerfile", "-"], { input: UNQUOTED });
    const sc2086 = JSON.parse(r.out).find((f: { code: string }) => f.code === "SC2086");
    expect(sc2086).toMatchObject({ file: "Dockerfile", line: 2, column: 10, endLine: 2, endColumn: 12, rule: "shellcheck", level: "info" });
    expect(r.code).toBe(1);
  });

  it("--ignore SC2086, a pragma, --no-shellcheck and 'shellcheck: false' turn findings off", () => {
    expect(scCodes(run(["-"], { input: UNQUOTED }).out).sort()).toEqual(["SC2086", "SC2154"]);
    expect(scCodes(run(["--ignore", "SC2086", "-"], { input: UNQUOTED }).out)).toEqual(["SC2154"]);
    expect(scCodes(run(["-"], { input: UNQUOTED.replace("RUN", "# hadolint ignore=SC2086,SC2154\nRUN") }).out)).toEqual([]);
    const plain = run(["--no-shellcheck", "-"], { input: UNQUOTED });
    expect(plain).toEqual({ code: 0, out: "", err: "" });
    const dir = tempRepo({ ".dflint.yaml": "shellcheck: false\n", "Dockerfile": UNQUOTED });
    expect(run(["Dockerfile"], { cwd: dir })).toEqual({ code: 0, out: "", err: "" });
  });

  it("reports SC findings of the fixed text with --fix", () => {
    const r = run(["--fix", "--stdin-filename", "Dockerfile", "-"], { input: "FROM debian:12.5\nrun echo $a\n" });
    expect(r.out).toBe("FROM debian:12.5\nRUN echo $a\n");
    expect(r.err).toContain("Dockerfile:2:10: info SC2086 ");
  });

  it("runs one ShellCheck process per Dockerfile", () => {
    const log = join(tempDir(), "calls.log");
    // A wrapper that logs each start and hands over to the real binary.
    const path = pathWith(`#!/bin/sh\necho "$*" >> '${log}'\nexec '${shellcheckPath}' "$@"\n`);
    const dir = tempRepo({
      "a/Dockerfile": "FROM debian:12.5\nRUN echo $a\nRUN echo $b\nRUN <<EOF\necho $c\nEOF\n",
      "b/Dockerfile": UNQUOTED,
    });
    const r = run(["a/Dockerfile", "b/Dockerfile"], { cwd: dir, env: { PATH: path } });
    expect(r.out.split("\n").filter((l) => l.includes(" SC2086 ")).map((l) => l.split(":").slice(0, 2).join(":"))).toEqual(["a/Dockerfile:2", "a/Dockerfile:3", "a/Dockerfile:5", "b/Dockerfile:2"]);
    const calls = readFileSync(log, "utf8").trim().split("\n");
    expect(calls.map((c) => c.split(" ").filter((w) => w.endsWith(".sh")).length).sort()).toEqual([1, 3]);
  });
});

describe("dflint lint without a working ShellCheck", () => {
  it("says so once with --verbose, and lints on", () => {
    const empty = tempDir();
    const quiet = run(["-"], { input: UNQUOTED, env: { PATH: empty } });
    expect(quiet).toEqual({ code: 0, out: "", err: "" });
    const r = run(["-v", "-", "-"], { input: UNQUOTED, env: { PATH: empty } });
    expect(r.err.split("\n").filter((l) => l.includes("shellcheck"))).toEqual([`dflint: ${NOTE}`]);
    expect(r.code).toBe(0);
  });

  it("turns a ShellCheck that fails into one note, keeps the other findings and the exit code", () => {
    // Stands in for a ShellCheck older than json1 (0.7), which rejects the option like this.
    const path = pathWith("#!/bin/sh\necho \"unrecognized option \\`--format=json1'\" >&2\nexit 3\n");
    const dir = tempRepo({ "a/Dockerfile": UNQUOTED + "MAINTAINER me\n", "b/Dockerfile": UNQUOTED });
    const r = run(["a/Dockerfile", "b/Dockerfile"], { cwd: dir, env: { PATH: path } });
    expect(r.err).toMatch(/^dflint: note: [ab]\/Dockerfile: ShellCheck failed \(.*exited with status 3: unrecognized option `--format=json1'\); SC checks skipped\n$/);
    expect(r.out).toContain("DL4000");
    expect(scCodes(r.out)).toEqual([]);
    expect(r.code).toBe(1);
  });
});

describe("dflint rules and ShellCheck", () => {
  it("says where SC codes come from, in the list and when asked for one", () => {
    expect(run(["rules"]).out).toContain("SC codes (SC2086, ...) come from ShellCheck");
    const one = run(["rules", "sc2086"]);
    expect(one).toMatchObject({ code: 2, out: "" });
    expect(one.err).toContain("https://www.shellcheck.net/wiki/SC2086");
  });
});
