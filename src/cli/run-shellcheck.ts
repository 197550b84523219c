// ShellCheck for the command line: find the `shellcheck` binary on PATH and run it once per Dockerfile,
// on every script of the file written to a temporary directory, reading its json1 output. Whatever goes
// wrong (no binary, a crash, a timeout, output that is not json1) comes back as one message, never thrown.
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { SHELLCHECK_EXCLUDED, type ShellcheckComment, type ShellcheckHook, type ShellcheckOutput } from "../lint/shellcheck-hook.js";

/** How long one ShellCheck run (all scripts of one Dockerfile) may take. */
export const SHELLCHECK_TIMEOUT_MS = 30_000;

/** The path of `shellcheck` on PATH, or null. */
export function findShellcheck(env: NodeJS.ProcessEnv = process.env): string | null {
  const names = process.platform === "win32" ? ["shellcheck.exe", "shellcheck"] : ["shellcheck"];
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const path = join(dir, name);
      try {
        if (!statSync(path).isFile()) continue;
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** A lint hook that runs the ShellCheck binary at `path`. */
export function shellcheckRunner(path: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = SHELLCHECK_TIMEOUT_MS): ShellcheckHook {
  return (inputs) => {
    let dir: string;
    try {
      dir = mkdtempSync(join(tmpdir(), "dflint-shellcheck-"));
    } catch (e) {
      return { ok: false, error: `no temporary directory for ShellCheck's scripts: ${(e as Error).message}` };
    }
    try {
      // Relative names, so that json1's `file` is the index back into the inputs.
      const files = inputs.map((input, i) => {
        writeFileSync(join(dir, `${i}.sh`), input.script);
        return `${i}.sh`;
      });
      // --norc: the result must not depend on a .shellcheckrc above the temporary directory.
      const args = ["--format=json1", "--norc", `--exclude=${SHELLCHECK_EXCLUDED.join(",")}`, "--", ...files];
      const r = spawnSync(path, args, { cwd: dir, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, windowsHide: true });
      if (r.error) {
        const code = (r.error as NodeJS.ErrnoException).code;
        if (code === "ETIMEDOUT") return { ok: false, error: `${path} took longer than ${timeoutMs / 1000} s and was stopped` };
        return { ok: false, error: `${path} could not be run: ${r.error.message}` };
      }
      if (r.signal) return { ok: false, error: `${path} was stopped by ${r.signal}` };
      // 0: nothing found, 1: comments; 2 and up: files it could not read, bad options (an old ShellCheck lacks json1).
      if (r.status !== 0 && r.status !== 1) return { ok: false, error: `${path} exited with status ${r.status}${firstLine(r.stderr)}` };
      return readJson1(r.stdout, inputs.length, path);
    } catch (e) {
      return { ok: false, error: `${path} could not be run: ${(e as Error).message}` };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "");
  return line ? `: ${line.trim()}` : "";
}

/** Reads `--format=json1` output: `{"comments": [{file, line, endLine, column, endColumn, level, code, message}]}`. */
export function readJson1(stdout: string, count: number, path = "shellcheck"): ShellcheckOutput {
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    return { ok: false, error: `${path} gave output that is not JSON${firstLine(stdout)}` };
  }
  const list = (data as { comments?: unknown } | null)?.comments;
  if (!Array.isArray(list)) return { ok: false, error: `${path} gave JSON without a 'comments' list` };
  const comments: ShellcheckComment[] = [];
  for (const c of list as Array<Record<string, unknown>>) {
    const input = typeof c?.file === "string" ? Number(/^(\d+)\.sh$/.exec(c.file)?.[1] ?? NaN) : NaN;
    const numbers = [c?.line, c?.column, c?.endLine, c?.endColumn, c?.code];
    if (!(input < count) || !numbers.every(Number.isInteger)) return { ok: false, error: `${path} gave a comment dflint cannot read: ${JSON.stringify(c)}` };
    comments.push({
      input,
      line: c.line as number,
      column: c.column as number,
      endLine: c.endLine as number,
      endColumn: c.endColumn as number,
      level: String(c.level),
      code: c.code as number,
      message: String(c.message),
    });
  }
  return { ok: true, comments };
}
