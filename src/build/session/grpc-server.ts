// A gRPC server on one hijacked connection, with node:http2 and the framing written out
// (grpc-frames.ts): on a BuildKit session the daemon is the gRPC client and dflint the server. Written
// by hand rather than with @grpc/grpc-js because BuildKit sends a list (include-patterns, followpaths)
// as repeated metadata entries; node's http2 joins repeated headers with ", ", which grpc-js passes on
// as one value, while the raw header list keeps each pattern whole. The calls dflint serves are few:
// unary calls and one bidirectional stream, without compression.
import http2 from "node:http2";
import type { Duplex } from "node:stream";
import { messagePrefix, readMessages } from "./grpc-frames.js";

const SEND_BUFFER = 1 << 20;

/** gRPC status codes used here. */
export const Status = { OK: 0, CANCELLED: 1, UNKNOWN: 2, INVALID_ARGUMENT: 3, NOT_FOUND: 5, INTERNAL: 13, UNIMPLEMENTED: 12, UNAVAILABLE: 14 } as const;

export class GrpcError {
  constructor(
    readonly code: number,
    readonly message: string,
  ) {}
}

export interface GrpcCall {
  /** `/package.Service/Method`. */
  method: string;
  /** Metadata by lower-case key, each value as sent (repeated keys kept apart). */
  metadata: ReadonlyMap<string, readonly string[]>;
  /** The client's messages; an Error ends them when the stream breaks. */
  messages: AsyncIterable<Buffer | Error>;
  /** Sends one message, resolving when the stream can take more (backpressure). */
  send(message: Uint8Array): Promise<void>;
  /** Aborted when the client cancels the call or the connection goes. */
  signal: AbortSignal;
}

/**
 * The request of a unary call, decoded (the last message, as grpc-go reads one), or the status to end
 * the call with: CANCELLED when the stream broke, INVALID_ARGUMENT when no message could be decoded.
 */
export async function unaryRequest<T>(call: GrpcCall, decode: (message: Buffer) => T | null, what: string): Promise<T | GrpcError> {
  let request: T | null = null;
  for await (const m of call.messages) {
    if (m instanceof Error) return new GrpcError(Status.CANCELLED, m.message);
    request = decode(m);
  }
  return request === null ? new GrpcError(Status.INVALID_ARGUMENT, `a malformed or missing ${what} request`) : request;
}

/** A handler resolves when the call is done, or to a GrpcError to end it with that status. */
export type Handler = (call: GrpcCall) => Promise<GrpcError | void>;

export interface GrpcServer {
  /** Ends every call and the connection. */
  close(): void;
  /** Settles when the connection is gone. */
  closed: Promise<void>;
}

// grpc-message is percent-encoded (PROTOCOL-HTTP2.md: Status-Message).
const encodeStatusMessage = (m: string) => m.replace(/[^\x20-\x24\x26-\x7e]/gu, (c) => [...Buffer.from(c)].map((b) => "%" + b.toString(16).toUpperCase().padStart(2, "0")).join(""));

function metadataOf(raw: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!.toLowerCase();
    if (key.startsWith(":") || key === "content-type" || key === "te" || key === "user-agent" || key.startsWith("grpc-")) continue;
    const value = key.endsWith("-bin") ? Buffer.from(raw[i + 1]!, "base64").toString("latin1") : raw[i + 1]!;
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}

/**
 * Serves `handlers` (by method path) on a connection whose peer speaks HTTP/2 as the client; `onError`
 * hears of handler bugs, `onSettled` of the peer acknowledging the server's settings (its client can
 * call from then on).
 */
export function serveGrpc(socket: Duplex, handlers: ReadonlyMap<string, Handler>, onError: (message: string) => void, onSettled?: () => void): GrpcServer {
  // Flow-control windows for what the daemon sends (requests, small) keep their defaults; what dflint
  // sends is bound by the daemon's windows.
  const server = http2.createServer();
  let session: http2.ServerHttp2Session | null = null;
  const calls = new Set<AbortController>();
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));

  server.on("session", (s) => {
    session = s;
    s.on("close", () => {
      for (const c of calls) c.abort();
      resolveClosed();
    });
    // A broken connection fails the daemon's calls, and the build stream says what that did.
    s.on("error", () => {});
    if (onSettled) s.once("localSettings", onSettled);
  });

  server.on("stream", (stream: http2.ServerHttp2Stream, _headers: http2.IncomingHttpHeaders, _flags: number, rawHeaders: string[]) => {
    const method = rawHeaders[rawHeaders.indexOf(":path") + 1] ?? "";
    const handler = handlers.get(method);
    stream.on("error", () => {}); // a reset by the daemon ends the call through `close`
    if (!handler) {
      stream.respond({ ":status": 200, "content-type": "application/grpc", "grpc-status": String(Status.UNIMPLEMENTED), "grpc-message": encodeStatusMessage(`${method} is not served by dflint`) }, { endStream: true });
      return;
    }
    const controller = new AbortController();
    calls.add(controller);
    stream.on("close", () => {
      controller.abort();
      calls.delete(controller);
    });
    stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
    let status: { code: number; message: string } = { code: Status.OK, message: "" };
    stream.on("wantTrailers", () => {
      const trailers: http2.OutgoingHttpHeaders = { "grpc-status": String(status.code) };
      if (status.message) trailers["grpc-message"] = encodeStatusMessage(status.message);
      stream.sendTrailers(trailers);
    });
    const send = (message: Uint8Array): Promise<void> => {
      if (stream.destroyed || stream.closed) return Promise.reject(new Error("the engine closed the call"));
      // http2 streams report backpressure past 16 KiB, less than two DATA packets: up to SEND_BUFFER
      // bytes are queued before waiting, so reading the next file overlaps sending this one. The
      // length prefix goes with the message in one write, without copying the message behind it.
      stream.cork();
      stream.write(messagePrefix(message.length));
      const flowing = stream.write(message);
      stream.uncork();
      if (flowing || stream.writableLength < SEND_BUFFER) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const done = () => {
          stream.off("drain", done);
          stream.off("close", done);
          if (stream.destroyed || stream.closed) reject(new Error("the engine closed the call"));
          else resolve();
        };
        stream.on("drain", done);
        stream.on("close", done);
      });
    };
    // A handler that stops reading (DiffCopy after FIN) must not reset the stream: the reply follows.
    const call: GrpcCall = { method, metadata: metadataOf(rawHeaders), messages: readMessages(stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>), send, signal: controller.signal };
    handler(call).then(
      (result) => {
        if (result instanceof GrpcError) status = { code: result.code, message: result.message };
        if (!stream.destroyed && !stream.closed) stream.end();
      },
      (e: unknown) => {
        // A handler that throws has a bug; the call still ends with a status instead of hanging.
        status = { code: Status.INTERNAL, message: e instanceof Error ? e.message : String(e) };
        onError(`the session's ${method} failed: ${status.message}`);
        if (!stream.destroyed && !stream.closed) stream.end();
      },
    );
  });

  server.emit("connection", socket);
  return {
    close() {
      for (const c of calls) c.abort();
      if (session && !session.destroyed) session.destroy();
      socket.destroy();
      resolveClosed();
    },
    closed,
  };
}
