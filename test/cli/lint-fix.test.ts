// `dflint lint --fix`: fixes are written atomically (a temporary file in the same directory renamed
// over the original), keep the file's mode and symbolic links, and leave the original untouched when
// the write fails. The rules used are picked from the registry by their fix safety, through their
// documented bad examples, so the test follows whichever rules are fixable.
import { spawnSync } from "node:child_process";
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyFixes, lint, RULES, type Rule } from "../../src/index.js";
import { bin, run, tempRepo } from "./lint-run.js";

/** A rule whose documented bad example has a fix of the given safety, and that example. */
function fixable(safety: "safe" | "unsafe"): { rule: Rule; text: string } {
  for (const rule of RULES) {
    if (rule.fix?.safety !== safety) continue;
    const text = rule.docs.bad.endsWith("\n") ? rule.docs.bad : rule.docs.bad + "\n";
    if (lint(text).findings.some((f) => f.code === rule.code && f.fix?.safety === safety)) return { rule, text };
  }
  throw new Error(`no rule has a ${safety} fix that its bad example shows`);
}

/** What --fix should make of a text: fixes applied until none is left to apply. */
function fixed(text: string, unsafe: boolean): string {
  for (let pass = 0; pass < 10; pass++) {
    const next = applyFixes(text, lint(text).findings, { unsafe });
    if (next.applied === 0) break;
    text = next.text;
  }
  return text;
}

const safe = fixable("safe");
const unsafe = fixable("unsafe");

describe("--fix", () => {
  it("applies safe fixes in place, reports what is left, and keeps the mode", () => {
    const dir = tempRepo({ Dockerfile: safe.text });
    const path = join(dir, "Dockerfile");
    chmodSync(path, 0o754);
    const r = run(["--fix", "-f", "json", "Dockerfile"], { cwd: dir });
    const after = readFileSync(path, "utf8");
    expect(after).toBe(fixed(safe.text, false));
    expect(after).not.toBe(safe.text);
    expect(statSync(path).mode & 0o7777).toBe(0o754);
    const left = JSON.parse(r.out);
    expect(left.filter((f: { code: string; fix?: { safety: string } }) => f.code === safe.rule.code && f.fix?.safety === "safe")).toEqual([]);
    expect(r.code).toBe(left.some((f: { level: string }) => f.level !== "style") ? 1 : 0);
    // Nothing is left behind beside the file.
    expect(readdirSync(dir).sort()).toEqual([".git", "Dockerfile"]);
  });

  it("leaves unsafe fixes for --unsafe-fixes", () => {
    const dir = tempRepo({ Dockerfile: unsafe.text });
    const path = join(dir, "Dockerfile");
    run(["--fix", "Dockerfile"], { cwd: dir });
    expect(readFileSync(path, "utf8")).toBe(fixed(unsafe.text, false));
    run(["--fix", "--unsafe-fixes", "Dockerfile"], { cwd: dir });
    expect(readFileSync(path, "utf8")).toBe(fixed(unsafe.text, true));
    expect(readFileSync(path, "utf8")).not.toBe(unsafe.text);
  });

  it("does not touch a file with nothing to fix", () => {
    const dir = tempRepo({ Dockerfile: "FROM debian\n" });
    const path = join(dir, "Dockerfile");
    const before = statSync(path);
    expect(run(["--fix", "Dockerfile"], { cwd: dir }).code).toBe(1);
    expect(statSync(path).ino).toBe(before.ino);
  });

  it("fixes the target of a symbolic link and keeps the link", () => {
    const dir = tempRepo({ "real/Dockerfile": safe.text });
    symlinkSync("real/Dockerfile", join(dir, "Dockerfile"));
    run(["--fix", "Dockerfile"], { cwd: dir });
    expect(lstatSync(join(dir, "Dockerfile")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real/Dockerfile"), "utf8")).toBe(fixed(safe.text, false));
  });

  it("never rewrites a file that is not valid UTF-8", () => {
    const dir = tempRepo();
    const path = join(dir, "Dockerfile");
    const bytes = Buffer.concat([Buffer.from(safe.text), Buffer.from("LABEL author=\"J\xf6rg\"\n", "latin1")]);
    writeFileSync(path, bytes);
    const r = run(["--fix", "Dockerfile"], { cwd: dir });
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(r.err).toContain("Dockerfile: not fixed: the file is not valid UTF-8");
  });

  it("leaves the original untouched when the write fails (file size limit), and says why", () => {
    const dir = tempRepo({ Dockerfile: safe.text, "other/Dockerfile": safe.text });
    // With the size limit at 0 the temporary file can be created but not written; SIGXFSZ is ignored so the write fails with EFBIG.
    const r = spawnSync("sh", ["-c", `trap '' XFSZ; ulimit -f 0; exec "$0" "$1" --fix Dockerfile other/Dockerfile`, process.execPath, bin], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("dflint: cannot write Dockerfile: file too large for this process's limits\n");
    expect(r.stderr).toContain("dflint: cannot write other/Dockerfile: ");
    expect(readFileSync(join(dir, "Dockerfile"), "utf8")).toBe(safe.text);
    expect(readdirSync(dir).sort()).toEqual([".git", "Dockerfile", "other"]);
    expect(readdirSync(join(dir, "other"))).toEqual(["Dockerfile"]);
    // The findings reported are the unfixed file's.
    expect(r.stdout).toContain(`${safe.rule.code}`);
  });

  it("leaves the original untouched in a read-only directory", () => {
    const dir = tempRepo({ "ro/Dockerfile": safe.text });
    // Root may write anywhere: as root, the child runs as nobody, who may read the file but not write the directory.
    const asRoot = process.getuid?.() === 0;
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "ro/Dockerfile"), 0o644);
    chmodSync(join(dir, "ro"), 0o555);
    try {
      const r = spawnSync(process.execPath, [bin, "--fix", "ro/Dockerfile"], { cwd: dir, encoding: "utf8", ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("dflint: cannot write ro/Dockerfile: permission denied\n");
      expect(readFileSync(join(dir, "ro/Dockerfile"), "utf8")).toBe(safe.text);
      expect(readdirSync(join(dir, "ro"))).toEqual(["Dockerfile"]);
    } finally {
      chmodSync(join(dir, "ro"), 0o755);
    }
  });
});
