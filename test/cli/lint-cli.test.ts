// `dflint lint` as users run it: exit codes, thresholds, standard input, formats through the real
// bin, help and usage errors.
import { describe, expect, it } from "vitest";
import Ajv from "ajv-draft-04";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { bin, run, tempRepo } from "./lint-run.js";

const CLEAN = 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n';
// DL3006 (warning) on line 1; a syntax error (DF002, unknown instruction) on line 2.
const UNTAGGED = "FROM debian\n";
const BROKEN = "FROM debian:12\nFORM x\n";

describe("dflint lint: exit codes and thresholds", () => {
  it("exits 0 and prints nothing on a clean file", () => {
    expect(run(["-"], { input: CLEAN })).toEqual({ code: 0, out: "", err: "" });
    expect(run(["lint", "-"], { input: CLEAN })).toEqual({ code: 0, out: "", err: "" });
    expect(run(["check", "-"], { input: CLEAN })).toEqual({ code: 0, out: "", err: "" });
  });

  it("prints FILE:LINE:COL: LEVEL CODE message [name] when not on a terminal, and exits 1", () => {
    const r = run(["-"], { input: UNTAGGED });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^-:1:6: warning DL3006 .+ \[image-untagged\]\n$/);
    expect(r.err).toBe("");
  });

  it("fails at or above the threshold only (default info)", () => {
    expect(run(["-t", "error", "-"], { input: UNTAGGED }).code).toBe(0);
    expect(run(["--failure-threshold", "warning", "-"], { input: UNTAGGED }).code).toBe(1);
    expect(run(["--failure-threshold=style", "-"], { input: UNTAGGED }).code).toBe(1);
    expect(run(["--failure-threshold", "none", "-"], { input: BROKEN }).code).toBe(0);
    // A warning demoted to style passes the default threshold (info), and fails at style.
    expect(run(["--style", "DL3006", "-"], { input: UNTAGGED })).toMatchObject({ code: 0, out: expect.stringContaining(": style DL3006 ") });
    expect(run(["--style", "image-untagged", "-t", "style", "-"], { input: UNTAGGED }).code).toBe(1);
    expect(run(["--error", "DL3006", "-t", "error", "-"], { input: UNTAGGED })).toMatchObject({ code: 1, out: expect.stringContaining(": error DL3006 ") });
  });

  it("--no-fail exits 0 with findings, and still 2 on I/O errors", () => {
    expect(run(["--no-fail", "-"], { input: BROKEN })).toMatchObject({ code: 0, out: expect.stringContaining("DF002") });
    expect(run(["--no-fail", "no-such-file"])).toMatchObject({ code: 2, err: "dflint: cannot read no-such-file: no such file\n" });
  });

  it("fails on any finding, even style, when the file says # check=error=true", () => {
    const text = "# check=error=true\nFROM debian\n";
    expect(run(["--style", "DL3006", "-"], { input: text }).code).toBe(1);
    expect(run(["--style", "DL3006", "--no-fail", "-"], { input: text }).code).toBe(0);
    expect(run(["--ignore", "DL3006", "-"], { input: text }).code).toBe(0);
  });

  it("--ignore takes codes, names and aliases, repeated or comma-separated", () => {
    expect(run(["--ignore", "DL3006", "-"], { input: UNTAGGED })).toEqual({ code: 0, out: "", err: "" });
    expect(run(["--ignore", "image-untagged", "-"], { input: UNTAGGED }).code).toBe(0);
    expect(run(["--ignore=DF002,DL3006", "-"], { input: BROKEN + UNTAGGED }).out).toBe("");
    expect(run(["--ignore", "DF002", "--ignore", "DL3006", "-"], { input: BROKEN + UNTAGGED }).out).toBe("");
    // hadolint's and ShellCheck's codes pass silently; anything else is probably a typo.
    expect(run(["--ignore", "SC2086", "-"], { input: CLEAN }).err).toBe("");
    expect(run(["--ignore", "image-untaged", "-"], { input: CLEAN }).err).toContain("--ignore 'image-untaged' names no dflint rule");
  });

  it("reports an unreadable file by name, lints the others, and exits 2", () => {
    const dir = tempRepo({ Dockerfile: UNTAGGED });
    const r = run(["missing/Dockerfile", "Dockerfile"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe("dflint: cannot read missing/Dockerfile: no such file\n");
    expect(r.out).toContain("Dockerfile:1:6: warning DL3006");
  });
});

describe("dflint lint: standard input", () => {
  it("reads - and names it by --stdin-filename", () => {
    expect(run(["--stdin-filename", "app/Dockerfile", "-"], { input: UNTAGGED }).out).toMatch(/^app\/Dockerfile:1:6: warning DL3006/);
    // --stdin-filename alone means standard input.
    expect(run(["--stdin-filename", "Dockerfile"], { input: UNTAGGED }).out).toMatch(/^Dockerfile:1:6: /);
  });

  it("finds the configuration from --stdin-filename's directory", () => {
    const dir = tempRepo({ "svc/.dflint.yaml": "ignored: [DL3006]\n" });
    expect(run(["--stdin-filename", "svc/Dockerfile", "-"], { cwd: dir, input: UNTAGGED })).toEqual({ code: 0, out: "", err: "" });
    expect(run(["--stdin-filename", "Dockerfile", "-"], { cwd: dir, input: UNTAGGED }).code).toBe(1);
  });

  it("with --fix prints the fixed text and sends the findings to standard error", () => {
    const r = run(["--fix", "-"], { input: UNTAGGED });
    expect(r.out).toBe(UNTAGGED); // DL3006 has no fix: the text is unchanged
    expect(r.err).toContain("DL3006");
    expect(r.code).toBe(1);
  });
});

describe("dflint lint: formats", () => {
  it("json: an array of findings with 1-based places", () => {
    const r = run(["--format", "json", "--stdin-filename", "Dockerfile", "-"], { input: BROKEN + UNTAGGED });
    const out = JSON.parse(r.out);
    expect(out.find((f: { code: string }) => f.code === "DF002")).toEqual({
      file: "Dockerfile",
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 5,
      code: "DF002",
      rule: "unknown-instruction",
      aliases: [],
      level: "error",
      message: expect.stringContaining("FORM"),
    });
    for (const f of out) expect(["error", "warning", "info", "style"]).toContain(f.level);
    expect(run(["-f", "json", "-"], { input: CLEAN }).out).toBe("[]\n");
  });

  it("github: workflow commands", () => {
    const r = run(["-f", "github", "--stdin-filename", "Dockerfile", "-"], { input: UNTAGGED });
    expect(r.out).toMatch(/^::warning file=Dockerfile,line=1,col=6,endLine=1,endColumn=12,title=DL3006 image-untagged::Image 'debian' .+\n$/);
  });

  it("gnu, checkstyle, gitlab and sarif", () => {
    const input = { input: UNTAGGED };
    expect(run(["-f", "gnu", "--stdin-filename", "Dockerfile", "-"], input).out).toMatch(/^Dockerfile:1\.6-12: warning: .+ \[DL3006 image-untagged\]\n$/);
    expect(run(["-f", "checkstyle", "-"], input).out).toContain('<error line="1" column="6" severity="warning"');
    const gitlab = JSON.parse(run(["-f", "gitlab", "-"], input).out);
    expect(gitlab[0]).toMatchObject({ check_name: "DL3006", severity: "major", location: { lines: { begin: 1 } } });
    const sarif = JSON.parse(run(["-f", "sarif", "-"], input).out);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain("DL3006");
  });

  it("sarif: valid against the SARIF 2.1.0 schema over every rule fixture (findings, rules and fixes)", () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
    const r = run(["-f", "sarif", "fixtures"]);
    const log = JSON.parse(r.out);
    expect(validate(log) ? [] : validate.errors?.slice(0, 5)).toEqual([]);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expect(log.runs[0].results.some((x: { fixes?: unknown }) => x.fixes)).toBe(true);
  });

  it("tty: a code frame underlining the range and a summary; colour only when asked or forced", () => {
    const plain = run(["-f", "tty", "--stdin-filename", "Dockerfile", "-"], { input: UNTAGGED });
    expect(plain.out).toContain("Dockerfile:1:6: warning DL3006");
    expect(plain.out).toContain(" 1 | FROM debian\n   |      ^^^^^^\n");
    expect(plain.out).toMatch(/1 problem \(1 warning\) in 1 of 1 file\.\n$/);
    expect(plain.out).not.toContain("\x1b[");
    expect(run(["-f", "tty", "--color", "-"], { input: UNTAGGED }).out).toContain("\x1b[");
    expect(run(["-f", "tty", "-"], { input: UNTAGGED, env: { FORCE_COLOR: "1" } }).out).toContain("\x1b[");
    expect(run(["-f", "tty", "-"], { input: UNTAGGED, env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).out).not.toContain("\x1b[");
    expect(run(["-f", "tty", "-"], { input: CLEAN }).out).toBe("No problems found in 1 file.\n");
  });

  it("takes hadolint's format names and a .hadolint.yaml's format", () => {
    expect(JSON.parse(run(["-f", "gitlab_codeclimate", "-"], { input: UNTAGGED }).out)[0].check_name).toBe("DL3006");
    const dir = tempRepo({ ".hadolint.yaml": "format: json\n", Dockerfile: UNTAGGED });
    expect(JSON.parse(run(["Dockerfile"], { cwd: dir }).out)[0].code).toBe("DL3006");
    expect(run(["-f", "text", "Dockerfile"], { cwd: dir }).out).toMatch(/^Dockerfile:1:6: warning DL3006/);
  });
});

describe("dflint lint: usage", () => {
  it("prints help with examples", () => {
    for (const args of [["lint", "--help"], ["--help"], ["help", "lint"]]) {
      const r = run(args);
      expect(r.code).toBe(0);
      expect(r.out).toContain("Examples:");
    }
    expect(run(["lint", "-h"]).out).toContain("--failure-threshold");
  });

  it("rejects unknown options and bad values with a clear message and exit 2, without a stack trace", () => {
    const cases: Array<[string[], string]> = [
      [["--frobnicate", "x"], "unknown option '--frobnicate'"],
      [["--ignor", "DL3006", "x"], "did you mean '--ignore'?"],
      [["--format", "xml", "x"], "--format takes one of tty, text, json, sarif, checkstyle, gitlab, gnu, github, not 'xml'"],
      [["--failure-threshold", "high", "x"], "--failure-threshold takes error, warning, info, style or none, not 'high'"],
      [["--ignore"], "--ignore needs a value"],
      [["--require-label", "author:person", "x"], "--require-label takes LABEL:TYPE"],
      [["--fix=yes", "x"], "--fix takes no value"],
      [["--context", "no-such-dir", "-"], "--context no-such-dir: no such file"],
      [[], ""],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toContain(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it("-v alone prints the version; with files it is --verbose", () => {
    expect(run(["-v"]).out).toMatch(/^\d+\.\d+\.\d+/);
    const r = run(["-v", "--stdin-filename", "Dockerfile", "-"], { input: CLEAN });
    expect(r.code).toBe(0);
    expect(r.err).toContain("configuration:");
  });

  it("stops quietly when the reader closes the pipe early", () => {
    const dir = tempRepo({ Dockerfile: UNTAGGED.repeat(3000) });
    const r = spawnSync("sh", ["-c", 'node "$0" -f json Dockerfile | head -c 10 >/dev/null', bin], { cwd: dir, encoding: "utf8" });
    expect(r.stderr).toBe("");
  });
});
