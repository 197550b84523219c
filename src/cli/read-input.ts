import { readFile } from "./fs-async.js";
import { readStdin } from "./stdio.js";

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** Reads a file, or standard input for `-`, as bytes. */
export async function readInput(path: string): Promise<ReadResult> {
  try {
    if (path === "-") return { ok: true, bytes: readStdin() };
    return { ok: true, bytes: await readFile(path) };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "it is a directory" : err.code === "EACCES" ? "permission denied" : err.message;
    return { ok: false, error: `cannot read ${path}: ${why}` };
  }
}
