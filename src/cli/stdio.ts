// The CLI's standard streams as file descriptors, written and read with blocking calls.
//
// process.stdout and process.stderr are made on first use, and on a pipe or a terminal each is a socket
// whose making loads node:net: 5.5 ms of every run, a tenth of what dflint adds to Node's own start,
// for a program that writes its report once and exits. A blocking write also has the whole report out
// before the process ends. The streams are still used where they are needed: a descriptor the parent
// made non-blocking (EAGAIN) falls back to its stream for the rest of the run, and the language server
// and a build's tar on standard output write to them directly.
import { fstatSync, readSync, writeSync } from "node:fs";

const streamed = new Set<number>();
let guarded = false;

/**
 * A reader that stops early (`dflint rules | head`) closes the pipe, and the next write fails with
 * EPIPE, which a stream raises as an unhandled error with a stack trace: the process ends quietly
 * instead. Any other failure of a standard stream leaves nothing to report it on: exit code 2.
 */
export function guardStdioStreams(): void {
  if (guarded) return;
  guarded = true;
  for (const stream of [process.stdout, process.stderr]) stream.on("error", stdioFailed);
}

// The reader went (EPIPE): end quietly. Anything else: exit code 2, with nowhere left to say why.
function stdioFailed(e: NodeJS.ErrnoException): void {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  process.exitCode = 2;
}

/** Writes all of `text` to standard output (1) or standard error (2). */
export function writeStdio(fd: 1 | 2, text: string): void {
  if (streamed.has(fd)) {
    (fd === 1 ? process.stdout : process.stderr).write(text);
    return;
  }
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") {
        // Non-blocking (shared with a parent that made it so): the stream waits for the reader.
        streamed.add(fd);
        guardStdioStreams();
        (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(at));
      } else stdioFailed(e as NodeJS.ErrnoException);
      return;
    }
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** All of standard input, read to its end. */
export function readStdin(): Buffer {
  const chunks: Buffer[] = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // A non-blocking descriptor with nothing yet: wait a little for the writer, keeping what was read.
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 5);
        continue;
      }
      if (code === "EOF") break; // Windows, at the end of a pipe
      throw e;
    }
    if (n === 0) break;
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks);
}

/**
 * Whether a descriptor is a terminal, for colour and the default report format: a character device,
 * which a terminal is, and so is /dev/null, where colour does no harm. (tty.isatty would load
 * node:net, see above.)
 */
export function isTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}
