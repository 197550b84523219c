// Makes the V8 code caches shipped in dist/cli/ (see bin/dflint.js) from representative runs of the built
// CLI: a lint of a typical Dockerfile, and a language-server session from spawn to that file's first
// diagnostics. A cache holds what its run compiled, so each run is what users' starts do, and no more: a
// bigger cache is slower to load for every start. A run that fails leaves no cache (dflint then runs
// without one, only slower) and a warning.
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = root + "bin/dflint.js";
const typical = root + "fixtures/examples/Dockerfile";
const TIMEOUT_MS = 60_000;

/** Writes dist/cli/code-cache-cli.bin and dist/cli/code-cache-lsp.bin. */
export async function makeCodeCaches() {
  for (const [kind, make] of [
    ["cli", lintRun],
    ["lsp", languageServerRun],
  ]) {
    const out = `${root}dist/cli/code-cache-${kind}.bin`;
    rmSync(out, { force: true });
    try {
      await make({ ...process.env, DFLINT_CODE_CACHE_WRITE: out });
    } catch (e) {
      rmSync(out, { force: true });
      console.warn(`code-cache: no ${kind} cache: ${e.message}`);
    }
  }
}

function lintRun(env) {
  return new Promise((resolve, reject) => {
    // ShellCheck left out: whether it is installed must not change what the package ships.
    const child = spawn(process.execPath, [bin, "--no-shellcheck", typical], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      // 1: the example has findings.
      if (code === 0 || code === 1) resolve();
      else reject(new Error(`the lint run ended with ${signal ?? `exit code ${code}`}: ${err.trim()}`));
    });
  });
}

async function languageServerRun(env) {
  const { default: protocol } = await import("vscode-languageserver-protocol/node");
  const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;
  const child = spawn(process.execPath, [bin, "lsp", "--stdio"], { cwd: root, env, stdio: ["pipe", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(typical).href;
  const text = readFileSync(typical, "utf8");
  const waiting = new Map();
  const publishedVersion = (version) => new Promise((resolve) => waiting.set(version, resolve));
  connection.onNotification("textDocument/publishDiagnostics", (p) => p.uri === uri && waiting.get(p.version)?.());
  const published = publishedVersion(1);
  connection.onRequest("workspace/configuration", (p) => p.items.map(() => null));
  connection.onRequest("client/registerCapability", () => null);
  connection.onNotification("window/logMessage", () => {});
  connection.listen();
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no diagnostics in ${TIMEOUT_MS} ms: ${err.trim()}`)), TIMEOUT_MS)));
  try {
    await Promise.race([
      (async () => {
        // What an editor announces and does first: the server's start-up path to the first diagnostics.
        await connection.sendRequest("initialize", {
          processId: process.pid,
          rootUri: pathToFileURL(root).href,
          capabilities: {
            workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, completion: { completionItem: { snippetSupport: true } } },
          },
        });
        await connection.sendNotification("initialized", {});
        await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "dockerfile", version: 1, text } });
        await published;
        // And a keystroke: the first edit after opening runs what no start does (the incremental
        // sync, re-parse and lint). Compiled here, the user's first keystroke does not compile it
        // again (it still runs cold: 13-25 ms on 2,000 lines, against 3 ms once warm).
        const lines = text.split("\n");
        // Typed at the end of the last line of a RUN continued over several lines.
        const line = lines.findIndex((l, i) => /^\s+\S/.test(l) && !l.endsWith("\\") && lines[i - 1]?.endsWith("\\"));
        const edited = publishedVersion(2);
        const at = { line, character: lines[line].length };
        await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: at, end: at }, text: "x" }] });
        await edited;
        await connection.sendRequest("shutdown");
        await connection.sendNotification("exit");
      })(),
      timeout,
    ]);
    const status = await Promise.race([exited, timeout]);
    if (status !== 0) throw new Error(`the language server ended with ${status}: ${err.trim()}`);
  } finally {
    clearTimeout(timer);
    connection.dispose();
    child.kill();
  }
}
