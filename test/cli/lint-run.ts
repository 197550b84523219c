// Shared by the lint CLI tests: run the built bin (npx tsc -p tsconfig.json first, as npm test does)
// in a child process, with a home and config directory of its own so the user's files never leak in.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const bin = root + "bin/dflint.js";

export interface RunResult {
  code: number | null;
  out: string;
  err: string;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A fresh directory (removed after the file's tests) with the given files. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "dflint-test-"));
  temps.push(dir);
  writeFiles(dir, files);
  return dir;
}

/** A fresh directory holding `.git` (so configuration discovery stops there) and the given files. */
export function tempRepo(files: Record<string, string> = {}): string {
  const dir = tempDir(files);
  mkdirSync(join(dir, ".git"));
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

const home = mkdtempSync(join(tmpdir(), "dflint-home-"));
temps.push(home);

/** Runs `dflint ARGS` in `cwd` (the project by default) with an empty home. */
export function run(args: readonly string[], options: { cwd?: string; input?: string; env?: Record<string, string | undefined> } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, ".config"), NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024, cwd: options.cwd ?? root, encoding: "utf8", input: options.input ?? "", env: env as NodeJS.ProcessEnv });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
