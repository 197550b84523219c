// The file system calls a build makes once per file of its context (lstat; open, read and close). The
// session's go through node's callback API, each wrapped in a promise: with fs/promises an lstat took
// three times the CPU (150 ms against 520 ms for the benchmark's 20,000 files) and a file handle's open,
// read and close a third more; a transfer of a whole context makes some 80,000. The tar upload's read
// is blocking (context-tar.ts says why).
import { close, closeSync, lstat, open, openSync, read, readSync, type BigIntStats } from "node:fs";

/** lstat(2) with nanosecond times. */
export function lstatExact(path: string): Promise<BigIntStats> {
  return new Promise((resolve, reject) => lstat(path, { bigint: true }, (e, st) => (e ? reject(e) : resolve(st))));
}

/** A descriptor for reading `path`. */
export function openToRead(path: string): Promise<number> {
  return new Promise((resolve, reject) => open(path, "r", (e, fd) => (e ? reject(e) : resolve(fd))));
}

/** Reads into `buffer` from the descriptor's position; the bytes read. */
export function readInto(fd: number, buffer: Buffer): Promise<number> {
  return new Promise((resolve, reject) => read(fd, buffer, 0, buffer.length, null, (e, n) => (e ? reject(e) : resolve(n))));
}

export function closeFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => close(fd, (e) => (e ? reject(e) : resolve())));
}

/**
 * A small file's bytes with one read of one byte more than its stat said: a short or long read means
 * it changed since (the error says "Size mismatch", as tar-stream's own check does). Blocking: for a
 * reader that takes files one at a time, as the tar upload does (see context-tar.ts).
 */
export function readExactlySync(path: string, size: number): Buffer {
  const fd = openSync(path, "r");
  let bytesRead: number;
  const buffer = Buffer.allocUnsafe(size + 1);
  try {
    bytesRead = readSync(fd, buffer, 0, buffer.length, null);
  } finally {
    closeSync(fd);
  }
  if (bytesRead !== size) throw new Error("Size mismatch");
  return buffer.subarray(0, size);
}
