// A directory the session serves, read through one small interface: the build context on disk, or the
// Dockerfile held in memory (read once by dflint, so the daemon builds exactly what was linted, and a
// Dockerfile from standard input needs no temporary file). Paths are relative and `/`-separated; ""
// is the root. Nothing outside the root is ever read: a path climbing out of it does not exist.
import type { BigIntStats } from "node:fs";
import { readdir, readlink } from "node:fs/promises";
import { join } from "node:path";
import { sortByBytes } from "../byte-order.js";
import { closeFd, lstatExact, openToRead, readInto } from "../file-calls.js";

export interface TreeStat {
  /** The Unix st_mode. */
  mode: number;
  size: number;
  mtimeNs: bigint;
  /** `dev:ino`, to find hard links. */
  inode: string;
  nlink: number;
}

export interface DirEntry {
  name: string;
  isDirectory: boolean;
}

export interface SyncTree {
  /** A directory's entries, sorted by the bytes of their names as Go's os.ReadDir sorts them. */
  readDir(dir: string): Promise<DirEntry[]>;
  lstat(path: string): Promise<TreeStat>;
  readlink(path: string): Promise<string>;
  /** A regular file's content in chunks of at most `chunk` bytes; `size` is what its stat said. */
  read(path: string, chunk: number, size: number): AsyncIterable<Uint8Array>;
}


const nameOf = (e: DirEntry) => e.name;

function enoent(path: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`ENOENT: no such file or directory, '${path}'`);
  e.code = "ENOENT";
  return e;
}

const escapes = (path: string) => path === ".." || path.startsWith("../") || path.startsWith("/");

function fromStats(s: BigIntStats): TreeStat {
  return { mode: Number(s.mode), size: Number(s.size), mtimeNs: s.mtimeNs, inode: `${s.dev}:${s.ino}`, nlink: Number(s.nlink) };
}

// Files are read a large block at a time and cut into packet-sized chunks: one read per small file.
const READ_BLOCK = 1 << 20;

/** The directory `root` on disk. */
export function diskTree(root: string): SyncTree {
  const at = (path: string) => {
    if (escapes(path)) throw enoent(path);
    return path ? join(root, path) : root;
  };
  return {
    async readDir(dir) {
      const entries = await readdir(at(dir), { withFileTypes: true });
      return sortByBytes(entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory() })), nameOf);
    },
    async lstat(path) {
      return fromStats(await lstatExact(at(path)));
    },
    readlink: (path) => readlink(at(path)),
    async *read(path, chunk, size) {
      const fd = await openToRead(at(path));
      try {
        // One byte over the expected size: a short read of a regular file is its end, so a file that
        // did not change is read with one call. The chunks handed out may still be queued for sending,
        // so each read gets a fresh block.
        for (let want = Math.min(size + 1, READ_BLOCK); ; want = READ_BLOCK) {
          const block = Buffer.allocUnsafe(want);
          const bytesRead = await readInto(fd, block);
          for (let at = 0; at < bytesRead; at += chunk) yield block.subarray(at, Math.min(at + chunk, bytesRead));
          if (bytesRead < want) return;
        }
      } finally {
        await closeFd(fd);
      }
    },
  };
}

export interface MemoryFile {
  name: string;
  content: Uint8Array;
  /** Permission bits. */
  mode: number;
  mtimeNs: bigint;
}

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;

/** A flat directory of files held in memory. */
export function memoryTree(files: readonly MemoryFile[]): SyncTree {
  const byName = new Map(files.map((f, i) => [f.name, { file: f, index: i }]));
  const find = (path: string) => {
    const f = byName.get(path);
    if (!f) throw enoent(path);
    return f;
  };
  return {
    async readDir(dir) {
      if (dir !== "") throw enoent(dir);
      return sortByBytes(files.map((f) => ({ name: f.name, isDirectory: false })), nameOf);
    },
    async lstat(path) {
      if (path === "") return { mode: S_IFDIR | 0o755, size: 0, mtimeNs: 0n, inode: "memory:root", nlink: 1 };
      const { file, index } = find(path);
      return { mode: S_IFREG | (file.mode & 0o7777), size: file.content.byteLength, mtimeNs: file.mtimeNs, inode: `memory:${index}`, nlink: 1 };
    },
    async readlink(path) {
      find(path);
      const e: NodeJS.ErrnoException = new Error(`EINVAL: invalid argument, readlink '${path}'`);
      e.code = "EINVAL";
      throw e;
    },
    async *read(path, chunk) {
      const { content } = find(path).file;
      for (let at = 0; at < content.byteLength; at += chunk) yield content.subarray(at, Math.min(at + chunk, content.byteLength));
    },
  };
}
