// `dflint fmt` through the built CLI: standard output, --check, --diff, --write (atomic, mode kept),
// standard input, syntax errors, and options from .editorconfig, .dflint.yaml and flags, in that order.
import { spawnSync } from "node:child_process";
import { chmodSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { globPattern } from "../../src/cli/editorconfig.js";
import { format } from "../../src/index.js";
import { run, tempDir, tempRepo } from "./lint-run.js";

const MESSY = "from alpine:3.20\nrun apk add curl && \\\n  apk add jq\n";
const TIDY = format(MESSY).text;
const BROKEN = "FROM alpine:3.20\nRUN <<EOF\necho never terminated\n";

describe("dflint fmt", () => {
  it("prints one file formatted, and leaves it alone", () => {
    const dir = tempRepo({ Dockerfile: MESSY });
    const r = run(["fmt", "Dockerfile"], { cwd: dir });
    expect(r).toMatchObject({ code: 0, out: TIDY, err: "" });
    expect(TIDY).toBe("FROM alpine:3.20\nRUN apk add curl && \\\n    apk add jq\n");
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe(MESSY);
  });

  it("formats standard input", () => {
    const r = run(["fmt", "-"], { cwd: tempRepo(), input: MESSY });
    expect(r).toMatchObject({ code: 0, out: TIDY });
  });

  it("asks for a mode when there are several files", () => {
    const dir = tempRepo({ Dockerfile: MESSY, "b/Dockerfile": TIDY });
    const r = run(["fmt", "."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("give --write");
  });

  it("--check lists the files that would change and exits 1, and 0 once they are formatted", () => {
    const dir = tempRepo({ "a/Dockerfile": MESSY, "b/Dockerfile": TIDY });
    const r = run(["fmt", "--check", "."], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.out).toBe("a/Dockerfile\n");
    expect(r.err).toBe("dflint: 1 file would be reformatted\n");
    expect(run(["fmt", "--check", "b/Dockerfile"], { cwd: dir })).toMatchObject({ code: 0, out: "", err: "" });
  });

  it("--diff prints a unified diff that patch applies; with --check it exits 1", () => {
    const dir = tempRepo({ Dockerfile: MESSY });
    const r = run(["fmt", "--diff", "Dockerfile"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.out.split("\n").slice(0, 3)).toEqual(["--- a/Dockerfile", "+++ b/Dockerfile", "@@ -1,3 +1,3 @@"]);
    const patched = spawnSync("patch", ["-p1", "-s"], { cwd: dir, input: r.out, encoding: "utf8" });
    if (patched.error) expect.fail("patch is not installed"); // it is part of every Debian base
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe(TIDY);
    expect(run(["fmt", "--check", "--diff", "Dockerfile"], { cwd: tempRepo({ Dockerfile: MESSY }) }).code).toBe(1);
  });

  it("--write rewrites the files that change, atomically, keeping their mode", () => {
    const dir = tempRepo({ "a/Dockerfile": MESSY, "b/Dockerfile": TIDY });
    chmodSync(join(dir, "a/Dockerfile"), 0o750);
    const untouched = statSync(join(dir, "b/Dockerfile")).mtimeMs;
    const r = run(["fmt", "--write", "."], { cwd: dir });
    expect(r).toMatchObject({ code: 0, out: "", err: "" });
    expect(readFileSync(join(dir, "a/Dockerfile"), "utf8")).toBe(TIDY);
    expect(statSync(join(dir, "a/Dockerfile")).mode & 0o7777).toBe(0o750);
    expect(statSync(join(dir, "b/Dockerfile")).mtimeMs).toBe(untouched);
    expect(readdirSync(join(dir, "a"))).toEqual(["Dockerfile"]); // no temporary file left
  });

  it("--write on standard input prints the result", () => {
    expect(run(["fmt", "--write", "-"], { cwd: tempRepo(), input: MESSY })).toMatchObject({ code: 0, out: TIDY });
  });

  it("leaves a file with syntax errors as it is, reports them and exits 2, and formats the others", () => {
    const dir = tempRepo({ "a/Dockerfile": BROKEN, "b/Dockerfile": MESSY });
    const r = run(["fmt", "--write", "."], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toContain("a/Dockerfile:2:5: DF007 Heredoc 'EOF' is not terminated");
    expect(r.err).toContain("a/Dockerfile: not formatted");
    expect(readFileSync(join(dir, "a/Dockerfile"), "utf8")).toBe(BROKEN);
    expect(readFileSync(join(dir, "b/Dockerfile"), "utf8")).toBe(TIDY);
  });

  it("prints a file with syntax errors unchanged, so that a pipe loses nothing", () => {
    const r = run(["fmt", "-"], { cwd: tempRepo(), input: BROKEN });
    expect(r).toMatchObject({ code: 2, out: BROKEN });
  });

  it("keeps CRLF line endings", () => {
    const crlf = MESSY.replace(/\n/g, "\r\n");
    expect(run(["fmt", "-"], { cwd: tempRepo(), input: crlf }).out).toBe(TIDY.replace(/\n/g, "\r\n"));
  });

  it("takes .editorconfig's indentation, then .dflint.yaml's format section, then the flags", () => {
    const dir = tempRepo({ ".editorconfig": "root = true\n\n[*]\nindent_size = 8\n\n[{Dockerfile,*.Dockerfile}]\nindent_style = tab\n", Dockerfile: MESSY, "x.txt": "" });
    expect(run(["fmt", "Dockerfile"], { cwd: dir }).out).toContain("\n\tapk add jq\n");
    expect(run(["fmt", "--stdin-filename", "other", "-"], { cwd: dir, input: MESSY }).out).toContain("\n        apk add jq\n");
    const configured = tempRepo({ ".editorconfig": "[*]\nindent_style = tab\n", ".dflint.yaml": "format:\n  indent: 2\n  break-chains: false\n", Dockerfile: MESSY });
    expect(run(["fmt", "Dockerfile"], { cwd: configured }).out).toContain("\n  apk add jq\n");
    expect(run(["fmt", "--indent", "3", "Dockerfile"], { cwd: configured }).out).toContain("\n   apk add jq\n");
  });

  it("refuses an unknown key in the format section, naming it", () => {
    const dir = tempRepo({ ".dflint.yaml": "format:\n  indnt: 2\n", Dockerfile: MESSY });
    const r = run(["fmt", "Dockerfile"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`dflint: ${join(dir, ".dflint.yaml")}: unknown key 'format.indnt' (did you mean 'indent'?); valid keys: indent, break-chains, shell\n`);
  });

  it("refuses bad options with a usage message", () => {
    const dir = tempDir({ Dockerfile: MESSY });
    expect(run(["fmt", "--indent", "0", "Dockerfile"], { cwd: dir })).toMatchObject({ code: 2, err: "dflint: --indent takes a number of spaces from 1 to 16 or 'tab', not '0' (see dflint fmt --help)\n" });
    expect(run(["fmt", "--chek", "Dockerfile"], { cwd: dir }).err).toContain("unknown option '--chek' (did you mean '--check'?)");
    expect(run(["fmt", "--write", "--check", "Dockerfile"], { cwd: dir }).code).toBe(2);
    expect(run(["fmt"], { cwd: dir })).toMatchObject({ code: 2, err: "dflint: no file given (see dflint fmt --help)\n" });
  });

  it("has help", () => {
    const r = run(["help", "fmt"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Usage: dflint fmt [OPTIONS] PATH...");
    expect(run(["fmt", "--help"]).out).toBe(r.out);
    expect(run(["--help"]).out).toContain("dflint fmt [OPTIONS] PATH...");
  });
});

describe(".editorconfig globs", () => {
  const matches = (glob: string, path: string) => globPattern(glob).test(path);

  it("match a file name in any directory unless they hold a slash", () => {
    expect(matches("Dockerfile", "Dockerfile")).toBe(true);
    expect(matches("Dockerfile", "svc/api/Dockerfile")).toBe(true);
    expect(matches("svc/Dockerfile", "svc/Dockerfile")).toBe(true);
    expect(matches("svc/Dockerfile", "x/svc/Dockerfile")).toBe(false);
    expect(matches("/Dockerfile", "a/Dockerfile")).toBe(false);
  });

  it("read *, **, ?, [...], {a,b} and {1..3}", () => {
    expect(matches("*.Dockerfile", "a/b.Dockerfile")).toBe(true);
    expect(matches("a/*", "a/b/c")).toBe(false);
    expect(matches("a/**", "a/b/c")).toBe(true);
    expect(matches("Dockerfile.?", "Dockerfile.x")).toBe(true);
    expect(matches("[Dd]ockerfile", "dockerfile")).toBe(true);
    expect(matches("[!D]ockerfile", "Dockerfile")).toBe(false);
    expect(matches("{Dockerfile,Containerfile}", "Containerfile")).toBe(true);
    expect(matches("{Dockerfile,Containerfile}", "Makefile")).toBe(false);
    expect(matches("Dockerfile.{1..3}", "Dockerfile.2")).toBe(true);
    expect(matches("Dockerfile.{1..3}", "Dockerfile.4")).toBe(false);
    expect(matches("a\\*b", "a*b")).toBe(true);
    expect(matches("a\\*b", "axb")).toBe(false);
  });
});
