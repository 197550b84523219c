// `dflint lsp`: the language server, over standard input and output (`--stdio`, the default) or
// Node's IPC channel (`--node-ipc`). It runs until the editor ends it; its exit code is the
// protocol's (0 after a shutdown request, 1 otherwise).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CliIo } from "./io.js";
import { packageInfo } from "./package-info.js";
import { answerUsage, readOptions, text, type OptionTable } from "./read-options.js";
import { guardStdioStreams } from "./stdio.js";
import { LSP_HELP } from "./usage.js";

const LSP_OPTIONS = {
  "--stdio": { key: "transport", sets: "stdio" },
  "--node-ipc": { key: "transport", sets: "node-ipc" },
  // vscode-languageclient adds it; the library reads it from argv
  "--clientProcessId": { value: text },
} as const satisfies OptionTable;

/** Starts the language server; resolves only if the arguments are wrong. */
export async function lspCommand(args: string[], io: CliIo): Promise<number> {
  const read = readOptions(args, LSP_OPTIONS);
  if ("help" in read || !read.ok) return answerUsage(read, io, "lsp", LSP_HELP, "dflint lsp");
  if (read.operands.length > 0) return answerUsage({ ok: false, error: `unknown argument '${read.operands[0]}'` }, io, "lsp", LSP_HELP, "dflint lsp");
  const transport = read.options.transport ?? "stdio";
  if (transport === "node-ipc" && !process.send) {
    io.err("dflint lsp: --node-ipc needs a parent process that opened an IPC channel\n");
    return 2;
  }
  const [{ openConnection }, { startServer }] = await Promise.all([import("../lsp/connection.js"), import("../lsp/server.js")]);
  guardStdioStreams();
  // A bug must not take the editor's server down: it is logged, and the next request is served.
  process.on("uncaughtException", (e) => process.stderr.write(`dflint lsp: internal error: ${e?.stack ?? String(e)}\n`));
  process.on("unhandledRejection", (e) => process.stderr.write(`dflint lsp: internal error: ${(e as Error)?.stack ?? String(e)}\n`));
  const pkg = packageInfo();
  const docs = pkg ? join(pkg.dir, "docs", "rules") : null;
  startServer(openConnection(transport), { version: pkg?.version ?? "unknown", ruleDocs: docs && existsSync(docs) ? pathToFileURL(docs).href + "/" : undefined });
  return new Promise<number>(() => {
    // The connection keeps the process alive; the library exits it when the editor is done.
  });
}
