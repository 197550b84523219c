// fsutil's mkstat: the Stat sent for one entry. `mode` is Go's os.FileMode (permission bits, then
// type and special bits high up: ModeDir is 1<<31), not the Unix st_mode; the modification time is
// in nanoseconds; a directory has no size; a symlink carries its target text; the second path of a
// hard-linked file names the first in `linkname`, with size 0. Devices, pipes and sockets are not sent
// (the walker leaves them out, as the tar path does), so no device numbers are filled in. Owners are reset to 0:0, as the docker
// CLI's resetUIDAndGID does for the build context, so the image and the cache never see local users.
// The same mode bits read back for a Stat the daemon sends (`--output`, output-dir.ts).
import type { StatMessage } from "./session-protos.js";
import type { TreeStat } from "./sync-tree.js";

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFIFO = 0o010000;
const S_IFBLK = 0o060000;
const S_IFCHR = 0o020000;

// Go's io/fs mode bits.
export const MODE_DIR = 2 ** 31;
export const MODE_SYMLINK = 2 ** 27;
const MODE_DEVICE = 2 ** 26;
const MODE_NAMED_PIPE = 2 ** 25;
const MODE_SETUID = 2 ** 23;
const MODE_SETGID = 2 ** 22;
const MODE_CHAR_DEVICE = 2 ** 21;
const MODE_STICKY = 2 ** 20;
/** Go's os.ModeType: the bits that make an entry something other than a regular file. */
export const MODE_TYPE = MODE_DIR + MODE_SYMLINK + MODE_NAMED_PIPE + 2 ** 24 + MODE_DEVICE + MODE_CHAR_DEVICE + 2 ** 19;

export type EntryKind = "file" | "directory" | "symlink" | "other";

/** What kind of entry a Unix mode is. */
export function kindOf(mode: number): EntryKind {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return "file";
    case S_IFDIR:
      return "directory";
    case S_IFLNK:
      return "symlink";
    default:
      return "other";
  }
}

/** Go's os.FileMode for a Unix st_mode (syscall's fillFileStatFromSys). */
export function goFileMode(mode: number): number {
  let m = mode & 0o777;
  switch (mode & S_IFMT) {
    case S_IFDIR:
      m += MODE_DIR;
      break;
    case S_IFLNK:
      m += MODE_SYMLINK;
      break;
    case S_IFIFO:
      m += MODE_NAMED_PIPE;
      break;
    case S_IFBLK:
      m += MODE_DEVICE;
      break;
    case S_IFCHR:
      m += MODE_DEVICE + MODE_CHAR_DEVICE;
      break;
  }
  if (mode & 0o4000) m += MODE_SETUID;
  if (mode & 0o2000) m += MODE_SETGID;
  if (mode & 0o1000) m += MODE_STICKY;
  return m;
}

/** The Unix permission bits of a Go os.FileMode (goFileMode's inverse, for what the daemon sends back). */
export function unixPermissions(goMode: number): number {
  return (goMode & 0o777) | (goMode & MODE_SETUID ? 0o4000 : 0) | (goMode & MODE_SETGID ? 0o2000 : 0) | (goMode & MODE_STICKY ? 0o1000 : 0);
}

/** Whether the receiver may ask for this entry's content (fsutil's fileCanRequestData). */
export const canRequestData = (goMode: number) => (goMode & MODE_TYPE) === 0; // both taken mod 2^32

/**
 * The Stat of `path`. `firstPaths` maps inodes to the first path sent for them and is updated, as
 * fsutil's seenFiles is, only for entries actually sent.
 */
export function makeStat(path: string, st: TreeStat, linkTarget: string | null, firstPaths: Map<string, string>): StatMessage {
  const kind = kindOf(st.mode);
  const stat: StatMessage = { path, mode: goFileMode(st.mode), uid: 0, gid: 0, size: 0, modTime: st.mtimeNs, linkname: "" };
  if (kind === "directory") return stat;
  stat.size = st.size;
  if (kind === "symlink") stat.linkname = linkTarget ?? "";
  if (st.nlink > 1) {
    const first = firstPaths.get(st.inode);
    if (first !== undefined) {
      stat.linkname = first;
      stat.size = 0;
      return stat;
    }
  }
  firstPaths.set(st.inode, path);
  return stat;
}
