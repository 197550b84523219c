// The JSON-RPC connection to the editor: over standard input and output (the default), or Node's
// IPC channel when VS Code starts the server as a Node module. A request the editor cancels while
// it still waits in the queue is answered at once, without running it. The server ends when the
// editor closes the channel.
import type { Connection, ConnectionStrategy, ResponseMessage } from "vscode-languageserver/node";
import { lsp } from "./protocol.js";

const { createConnection, IPCMessageReader, IPCMessageWriter, LSPErrorCodes } = lsp;

export type Transport = "stdio" | "node-ipc";

const strategy: ConnectionStrategy = {
  cancelUndispatched: (message): ResponseMessage | undefined => {
    if (!("id" in message) || message.id === undefined || message.id === null) return undefined;
    return { jsonrpc: "2.0", id: message.id as number | string, error: { code: LSPErrorCodes.RequestCancelled, message: "The request was cancelled before it ran." } };
  },
};

/** Opens the connection on the given transport. */
export function openConnection(transport: Transport): Connection {
  if (transport === "node-ipc") {
    process.on("disconnect", () => process.exit(0));
    return createConnection(new IPCMessageReader(process), new IPCMessageWriter(process), strategy);
  }
  // Standard output carries the protocol: anything logged goes to standard error instead.
  for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    console[level] = (...args: unknown[]) => void process.stderr.write(args.map(String).join(" ") + "\n");
  }
  // Given streams, the library exits when standard input ends (the editor went away).
  return createConnection(process.stdin, process.stdout, strategy);
}
