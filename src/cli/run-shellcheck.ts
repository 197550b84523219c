// ShellCheck for the command line: find the `shellcheck` binary on PATH and run it once per Dockerfile,
// on every script of the file written to a temporary directory, reading its json1 output. Whatever goes
// wrong (no binary, a crash, a timeout, output that is not json1) comes back as one message, never thrown.
import { execFile, spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { SHELLCHECK_EXCLUDED, type ShellcheckComment, type ShellcheckHook, type ShellcheckInput, type ShellcheckOutput } from "../lint/shellcheck-hook.js";

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
    const written = writeScripts(inputs);
    if (!written.ok) return written;
    try {
      const r = spawnSync(path, written.args, { cwd: written.dir, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: MAX_OUTPUT, windowsHide: true });
      const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT";
      return outcome(path, inputs.length, timeoutMs, { ...r, error: timedOut ? undefined : r.error, timedOut });
    } finally {
      rmSync(written.dir, { recursive: true, force: true });
    }
  };
}

/**
 * What the hook gives, without blocking: the language server runs ShellCheck after a lint and goes on
 * answering the editor meanwhile, then lints again with this output (see src/lsp/shellcheck-pass.ts).
 */
export async function runShellcheck(path: string, inputs: readonly ShellcheckInput[], env: NodeJS.ProcessEnv = process.env, timeoutMs = SHELLCHECK_TIMEOUT_MS): Promise<ShellcheckOutput> {
  const written = writeScripts(inputs);
  if (!written.ok) return written;
  try {
    return await new Promise<ShellcheckOutput>((done) => {
      execFile(path, written.args, { cwd: written.dir, env, encoding: "utf8", timeout: timeoutMs, maxBuffer: MAX_OUTPUT, windowsHide: true }, (error, stdout, stderr) => {
        // execFile reports a non-zero exit, a kill and a failed start all as `error`.
        const e = error as (NodeJS.ErrnoException & { code?: string | number; killed?: boolean; signal?: NodeJS.Signals | null }) | null;
        const status = typeof e?.code === "number" ? e.code : e ? null : 0;
        const timedOut = Boolean(e?.killed);
        const signal = timedOut ? null : (e?.signal ?? null);
        done(outcome(path, inputs.length, timeoutMs, { status, signal, error: status === null && !timedOut && !signal ? (e ?? undefined) : undefined, timedOut, stdout, stderr }));
      });
    });
  } finally {
    rmSync(written.dir, { recursive: true, force: true });
  }
}

const MAX_OUTPUT = 64 * 1024 * 1024;

// The scripts in a fresh temporary directory (the caller removes it), with ShellCheck's arguments for them.
function writeScripts(inputs: readonly ShellcheckInput[]): { ok: true; dir: string; args: string[] } | { ok: false; error: string } {
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
    return { ok: true, dir, args: ["--format=json1", "--norc", `--exclude=${SHELLCHECK_EXCLUDED.join(",")}`, "--", ...files] };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { ok: false, error: `ShellCheck's scripts could not be written: ${(e as Error).message}` };
  }
}

interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

function outcome(path: string, count: number, timeoutMs: number, r: Finished): ShellcheckOutput {
  if (r.timedOut) return { ok: false, error: `${path} took longer than ${timeoutMs / 1000} s and was stopped` };
  if (r.error) return { ok: false, error: `${path} could not be run: ${r.error.message}` };
  if (r.signal) return { ok: false, error: `${path} was stopped by ${r.signal}` };
  // 0: nothing found, 1: comments; 2 and up: files it could not read, bad options (an old ShellCheck lacks json1).
  if (r.status !== 0 && r.status !== 1) return { ok: false, error: `${path} exited with status ${r.status}${firstLine(r.stderr)}` };
  return readJson1(r.stdout, count, path);
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
