// Writing a fixed file without ever leaving half of it: the new text goes to a temporary file in the
// same directory (so the rename stays on one filesystem), is flushed to disk, takes the original's
// mode (and owner, where allowed), and is renamed over the original in one step. On any failure the
// temporary file is removed and the original is untouched. A symbolic link is kept: its target is
// what gets replaced.
import { randomBytes } from "node:crypto";
import { open, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ioReason } from "../build/io-reason.js";

export type WriteResult = { ok: true } | { ok: false; error: string };

/** Replaces the contents of `path` atomically. Never throws. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<WriteResult> {
  let target: string;
  let mode: number;
  let uid: number;
  let gid: number;
  try {
    target = await realpath(path);
    const info = await stat(target);
    mode = info.mode & 0o7777;
    uid = info.uid;
    gid = info.gid;
  } catch (e) {
    return { ok: false, error: `cannot write ${path}: ${ioReason(e)}` };
  }
  const temp = join(dirname(target), `.${basename(target)}.dflint-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, "wx", 0o600);
    created = true;
    try {
      await handle.writeFile(data);
      // The umask shaped the mode at creation; set the original's exactly.
      await handle.chmod(mode);
      if (typeof process.getuid === "function" && (uid !== process.getuid() || gid !== process.getgid?.())) {
        await handle.chown(uid, gid).catch(() => undefined); // only root may give a file away
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    return { ok: true };
  } catch (e) {
    if (created) await unlink(temp).catch(() => undefined);
    return { ok: false, error: `cannot write ${path}: ${ioReason(e)}` };
  }
}
