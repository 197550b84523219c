// moby.filesync.v1.FileSend/DiffCopy: the daemon sends the build's result to `--output`. For
// type=local the stream carries fsutil packets (output-dir.ts); for type=tar it carries the tar as
// BytesMessages, written to the file or stream in order, with its backpressure, until the daemon
// closes its side. Offered only when the build has an output, as the CLI offers it.
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { ioReason } from "../io-reason.js";
import type { BuildOutput } from "../outputs.js";
import { GrpcError, Status, type Handler } from "./grpc-server.js";
import { receiveIntoDir } from "./output-dir.js";
import { decodeBytesMessage } from "./session-protos.js";

export function fileSend(output: BuildOutput | null, onNote: (message: string) => void, onFailure: (message: string) => void, onWritten: (bytes: number) => void): Handler {
  return async (call) => {
    if (!output) return new GrpcError(Status.UNIMPLEMENTED, "this build has no --output");
    if (output.type === "local") {
      const result = await receiveIntoDir(call, output.dest, onNote, onWritten);
      if (result) onFailure(result.message);
      return result;
    }
    const target = typeof output.dest === "string" ? createWriteStream(output.dest) : output.dest;
    const where = typeof output.dest === "string" ? output.dest : "the output stream";
    let failed: Error | null = null;
    target.on("error", (e: Error) => (failed ??= e));
    try {
      for await (const m of call.messages) {
        if (m instanceof Error) return new GrpcError(Status.CANCELLED, m.message);
        const data = decodeBytesMessage(m);
        if (data === null) return new GrpcError(Status.INVALID_ARGUMENT, "a malformed BytesMessage");
        if (failed) break;
        onWritten(data.length);
        if (!target.write(data)) await drained(target);
      }
    } finally {
      // Standard output stays open for what the build prints after it.
      if (typeof output.dest === "string") await new Promise<void>((resolve) => target.end(resolve));
    }
    if (failed) {
      const message = `cannot write the output to ${where}: ${ioReason(failed)}`;
      onFailure(message);
      return new GrpcError(Status.UNKNOWN, message);
    }
  };
}

function drained(stream: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("error", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("error", done);
    stream.on("close", done);
  });
}
