// The tar as it goes into POST /build. tar-stream hands it out in small pieces, a header, a file's bytes
// and its padding (60,000 for a 20,000-file context); passed on as they come, each became an HTTP chunk
// and, on the daemon's side, a read of its own. They are gathered into writes of WRITE_SIZE bytes, and
// counted for the progress display.
import { Transform } from "node:stream";

const WRITE_SIZE = 256 * 1024;
/** Progress is reported at most this often. */
const REPORT_MS = 100;

/** A pass-through that gathers what it is given into large writes; `onProgress` hears the bytes so far. */
export function uploadBody(onProgress: (bytes: number, done: boolean) => void): Transform {
  let pieces: Buffer[] = [];
  let gathered = 0;
  let sent = 0;
  let lastReport = 0;
  const take = () => {
    const out = pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, gathered);
    pieces = [];
    gathered = 0;
    return out;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      sent += chunk.length;
      const now = Date.now();
      if (now - lastReport >= REPORT_MS) {
        lastReport = now;
        onProgress(sent, false);
      }
      pieces.push(chunk);
      gathered += chunk.length;
      cb(null, gathered >= WRITE_SIZE ? take() : undefined);
    },
    flush(cb) {
      if (gathered > 0) this.push(take());
      onProgress(sent, true);
      cb();
    },
  });
}
