// gRPC's length-prefixed messages on an HTTP/2 stream: one byte for the compressed flag, four bytes of
// big-endian length, then the message (PROTOCOL-HTTP2.md in grpc/grpc). The session never negotiates
// compression, so a compressed message is an error.

/** The five bytes before a message of `length` bytes. */
export function messagePrefix(length: number): Buffer {
  const prefix = Buffer.allocUnsafe(5);
  prefix[0] = 0;
  prefix.writeUInt32BE(length, 1);
  return prefix;
}

/** Frames one message. */
export function frameMessage(message: Uint8Array): Buffer {
  return Buffer.concat([messagePrefix(message.length), message]);
}

/** Messages bigger than this end the call: BuildKit's own limit for a session message is 16 MiB. */
export const MAX_MESSAGE_BYTES = 16 << 20;

/** Splits a byte stream into messages; yields an Error (and stops) on a compressed or oversized one, or when the stream breaks. */
export async function* readMessages(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer | Error> {
  let pending: Buffer[] = [];
  let buffered = 0;
  const take = (n: number): Buffer => {
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending, buffered);
    const head = joined.subarray(0, n);
    const rest = joined.subarray(n);
    pending = rest.length ? [rest] : [];
    buffered = rest.length;
    return head;
  };
  let need = -1; // the length of the message being read, or -1 while reading its prefix
  try {
    for await (const chunk of chunks) {
      pending.push(chunk);
      buffered += chunk.length;
      for (;;) {
        if (need < 0) {
          if (buffered < 5) break;
          const prefix = take(5);
          if (prefix[0] !== 0) {
            yield new Error("the engine sent a compressed message, which the session did not negotiate");
            return;
          }
          need = prefix.readUInt32BE(1);
          if (need > MAX_MESSAGE_BYTES) {
            yield new Error(`the engine sent a message of ${need} bytes, over the session's limit`);
            return;
          }
        }
        if (buffered < need) break;
        yield Buffer.from(take(need)); // a copy: the caller may keep it while the buffer moves on
        need = -1;
      }
    }
  } catch (e) {
    // A reset stream or a closed connection ends the messages; the caller decides what that means.
    yield new Error(`the engine broke off the call: ${(e as Error).message}`);
    return;
  }
  if (need >= 0 || buffered > 0) yield new Error("the engine's stream ended inside a message");
}
