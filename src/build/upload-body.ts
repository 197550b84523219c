// The tar as it goes into POST /build, counted for the progress display. (Gathering tar-stream's small
// pieces into large writes was tried: a tenth less of dflint's CPU, no faster upload, which goes at the
// daemon's pace, and a fifth more peak memory for the benchmark's 500 MB context than for its 50 MB one,
// from the copies.)
import { Transform } from "node:stream";

/** Progress is reported at most this often. */
const REPORT_MS = 100;

/** A pass-through that counts what goes by; `onProgress` hears the bytes so far. */
export function uploadBody(onProgress: (bytes: number, done: boolean) => void): Transform {
  let sent = 0;
  let lastReport = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      sent += chunk.length;
      const now = Date.now();
      if (now - lastReport >= REPORT_MS) {
        lastReport = now;
        onProgress(sent, false);
      }
      cb(null, chunk);
    },
    flush(cb) {
      onProgress(sent, true);
      cb();
    },
  });
}
