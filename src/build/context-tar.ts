// Packs walked context entries into a tar stream the way docker's CLI does (go-archive): uid/gid 0,
// empty owner names, permission and setuid/setgid/sticky bits kept, mtimes in whole seconds,
// directory names ending in `/`, symlinks stored as links (never followed), the second path of a
// hard-linked file stored as a link to the first, PAX records for long or non-ASCII names (tar-stream
// adds them). Sockets, pipes and devices are skipped with a note. The context is never held in memory
// nor written to a temporary file: small files are read a few ahead of the one being packed (a
// bounded number and size), larger ones streamed when their turn comes.
import { createReadStream } from "node:fs";
import { readlink } from "node:fs/promises";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import tar from "tar-stream";
import type { ContextEntry, WalkItem } from "./context-walk.js";
import { readExactly } from "./file-calls.js";

/** A file the build adds that is not in the directory: a generated Dockerfile or `.dockerignore`. */
export interface ExtraFile {
  path: string;
  content: Uint8Array;
  mode: number;
  mtime: Date;
}

export interface PackSummary {
  files: number;
  /** Bytes of file content (not of the tar). */
  bytes: number;
}

export type PackOutcome = { ok: true; summary: PackSummary } | { ok: false; error: string };

export interface PackOptions {
  /** Paths of the walk left out because an extra file replaces them. */
  replaced?: ReadonlySet<string>;
  /** Appended after the walk, as the CLI appends an injected Dockerfile. */
  extras?: readonly ExtraFile[];
  /** Something was left out (a socket, a pipe). */
  onNote?: (message: string) => void;
}

// Small files are read whole (one open, one read, one close), larger ones streamed so memory stays flat.
const READ_WHOLE_LIMIT = 1 << 20;
// Files read ahead of the one being packed, and their bytes at most. Each read is a few round trips to
// libuv's thread pool: one at a time, the walk of a 20,000-file context waited on them for over half
// its time. Reads in flight overlap those waits, and keep the pool's four threads busy.
const AHEAD_FILES = 16;
const AHEAD_BYTES = 8 << 20;
// What tar-stream holds before it waits for the request to take it (its default, 16 KiB, is less than
// one typical file).
const PACK_BUFFER = 1 << 20;

const wholeSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

function header(entry: ContextEntry): tar.Headers {
  const { stats } = entry;
  return {
    name: entry.type === "directory" ? entry.path + "/" : entry.path,
    mode: stats.mode & 0o7777,
    uid: 0,
    gid: 0,
    uname: "",
    gname: "",
    mtime: wholeSeconds(stats.mtimeMs),
    size: 0,
  };
}

// Settles when the entry is written, or when the stream is closed under it (the request was aborted).
function putEntry(pack: tar.Pack, h: tar.Headers, body?: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const onClose = () => reject(new Error("closed"));
    pack.once("close", onClose);
    pack.entry(h, body === undefined ? undefined : Buffer.from(body.buffer, body.byteOffset, body.byteLength), (err) => {
      pack.off("close", onClose);
      if (err) reject(err);
      else resolve();
    });
  });
}

function putEntryStream(pack: tar.Pack, h: tar.Headers): { sink: NodeJS.WritableStream; done: Promise<void> } {
  let sink!: NodeJS.WritableStream;
  const done = new Promise<void>((resolve, reject) => {
    const onClose = () => reject(new Error("closed"));
    pack.once("close", onClose);
    sink = pack.entry(h, (err) => {
      pack.off("close", onClose);
      if (err) reject(err);
      else resolve();
    });
  });
  return { sink, done };
}

/**
 * Starts packing and returns the tar stream at once; `done` settles when the last byte is handed to
 * the stream. A read error ends the stream with that error and `done` says which file.
 */
// The stream is typed as a plain Readable: tar-stream's own types stay out of the library's public declarations.
export function packContext(items: AsyncIterable<WalkItem>, options: PackOptions = {}): { stream: Readable; done: Promise<PackOutcome> } {
  const pack = tar.pack({ highWaterMark: PACK_BUFFER });
  const replaced = options.replaced ?? new Set<string>();
  const firstPathOfInode = new Map<string, string>();
  const summary: PackSummary = { files: 0, bytes: 0 };

  // An entry whose header is settled in walk order (hard links are found so), with its content being
  // read: `content` rejects with the read's error, which is reported when the entry's turn comes.
  interface Job {
    entry: ContextEntry;
    header: tar.Headers;
    /** A small file's bytes, or a symlink's target; null when there is none or it is streamed. */
    content: Promise<Buffer | string> | null;
    /** Bytes read ahead for this entry. */
    ahead: number;
  }

  const prepare = (entry: ContextEntry): Job | null => {
    const h = header(entry);
    switch (entry.type) {
      case "directory":
        h.type = "directory";
        return { entry, header: h, content: null, ahead: 0 };
      case "symlink":
        h.type = "symlink";
        return { entry, header: h, content: readlink(entry.absolute), ahead: 0 };
      case "file": {
        const { stats } = entry;
        if (stats.nlink > 1) {
          const inode = `${stats.dev}:${stats.ino}`;
          const first = firstPathOfInode.get(inode);
          if (first !== undefined) {
            h.type = "link";
            h.linkname = first;
            return { entry, header: h, content: null, ahead: 0 };
          }
          firstPathOfInode.set(inode, entry.path);
        }
        h.type = "file";
        h.size = stats.size;
        summary.files++;
        summary.bytes += stats.size;
        if (stats.size > READ_WHOLE_LIMIT) return { entry, header: h, content: null, ahead: 0 };
        return { entry, header: h, content: readExactly(entry.absolute, stats.size), ahead: stats.size };
      }
      case "other":
        return null; // the walker reports these as skipped
    }
  };

  const write = async (job: Job): Promise<void> => {
    const { header: h, entry } = job;
    if (h.type === "symlink") {
      h.linkname = (await job.content) as string;
      return putEntry(pack, h);
    }
    if (h.type !== "file") return putEntry(pack, h);
    if (job.content) return putEntry(pack, h, (await job.content) as Buffer);
    const written = putEntryStream(pack, h);
    await pipeline(createReadStream(entry.absolute, { highWaterMark: READ_WHOLE_LIMIT }), written.sink);
    return written.done;
  };

  const run = async (): Promise<PackOutcome> => {
    let current = "";
    const queue: Job[] = [];
    let aheadBytes = 0;
    const writeNext = async () => {
      const job = queue.shift()!;
      aheadBytes -= job.ahead;
      current = job.entry.path;
      await write(job);
    };
    try {
      try {
        for await (const item of items) {
          if (item.kind === "error") {
            // What was walked before it goes first, so that its own failures are named first.
            while (queue.length > 0) await writeNext();
            const error = `cannot send ${item.path}: ${item.message}`;
            pack.destroy(new Error(error));
            return { ok: false, error };
          }
          if (item.kind === "skipped") {
            options.onNote?.(`${item.path} is ${item.why}; it is not sent (docker cannot send it either)`);
            continue;
          }
          if (replaced.has(item.entry.path)) continue;
          const job = prepare(item.entry);
          if (!job) continue;
          // A read that fails is reported in its turn: until then its rejection is not unhandled.
          job.content?.catch(() => {});
          queue.push(job);
          aheadBytes += job.ahead;
          while (queue.length > AHEAD_FILES || aheadBytes > AHEAD_BYTES) await writeNext();
        }
        while (queue.length > 0) await writeNext();
      } finally {
        // The reads started ahead of a failure finish before the files are left.
        await Promise.allSettled(queue.map((job) => job.content));
      }
      for (const extra of options.extras ?? []) {
        current = extra.path;
        await putEntry(pack, { name: extra.path, mode: extra.mode, uid: 0, gid: 0, uname: "", gname: "", mtime: extra.mtime, type: "file" }, extra.content);
        summary.files++;
        summary.bytes += extra.content.byteLength;
      }
      pack.finalize();
      return { ok: true, summary };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const why = err.code === "EACCES" ? "permission denied" : err.code === "ENOENT" ? "it disappeared while the context was read" : err.message === "Size mismatch" ? "it changed size while the context was read" : err.message;
      const error = pack.destroyed ? "the build context stream was closed" : `cannot send ${current}: ${why}`;
      pack.destroy(new Error(error));
      return { ok: false, error };
    }
  };
  return { stream: pack, done: run() };
}
