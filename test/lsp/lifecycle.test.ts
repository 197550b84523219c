// The server's life with a real client: what it announces, how it ends, and that nothing an editor
// or a document can send takes it down: malformed messages, bad positions, broken and huge
// documents, cancelled requests.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LSPErrorCodes, type InitializeResult } from "vscode-languageserver-protocol/node";
import { fileUri, LspClient, root, START_TIMEOUT } from "./lsp-client.js";

describe("dflint lsp: lifecycle and robustness", () => {
  let client: LspClient;
  let init: InitializeResult;
  beforeAll(async () => {
    ({ client, init } = await LspClient.start());
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
  }, START_TIMEOUT);

  it("announces incremental sync and every feature it serves", () => {
    const caps = init.capabilities;
    expect(init.serverInfo?.name).toBe("dflint");
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    for (const feature of [
      "hoverProvider",
      "completionProvider",
      "signatureHelpProvider",
      "definitionProvider",
      "referencesProvider",
      "documentHighlightProvider",
      "documentSymbolProvider",
      "codeActionProvider",
      "documentLinkProvider",
      "foldingRangeProvider",
      "renameProvider",
      "semanticTokensProvider",
      "inlayHintProvider",
      "documentFormattingProvider",
      "documentRangeFormattingProvider",
    ] as const) {
      expect(caps[feature], feature).toBeTruthy();
    }
    expect(caps.semanticTokensProvider).toMatchObject({ full: { delta: true } });
    expect(caps.renameProvider).toEqual({ prepareProvider: true });
  });

  it("answers requests about positions outside the text with nothing", async () => {
    const uri = fileUri(root + "fixtures/lsp/outside.Dockerfile");
    await client.open(uri, "FROM alpine:3.20\n");
    const at = { textDocument: { uri }, position: { line: 40, character: 3 } };
    expect(await client.request("textDocument/hover", at)).toBeNull();
    expect(await client.request("textDocument/definition", at)).toEqual([]);
    expect(await client.request("textDocument/completion", at)).toEqual({ isIncomplete: false, items: [] });
    expect(await client.request("textDocument/hover", { ...at, position: { line: -1, character: -5 } })).toBeNull();
    expect(await client.request("textDocument/signatureHelp", { ...at, position: { line: 0, character: 999 } })).not.toBeUndefined();
  });

  it("answers about documents it was never given with nothing", async () => {
    const at = { textDocument: { uri: "file:///never/opened/Dockerfile" }, position: { line: 0, character: 0 } };
    expect(await client.request("textDocument/hover", at)).toBeNull();
    expect(await client.request("textDocument/documentSymbol", { textDocument: at.textDocument })).toEqual([]);
  });

  it("serves malformed and binary documents without failing a request", async () => {
    const broken = [
      "RUN <<EOF\n",
      "FROM a\nRUN --mount=type=cache,target=/x \\\n# RUN true\n",
      "FROM \u0000\u0001\u0002 AS \n\u0000",
      "\uFEFFFROM a\r\nRUN <<-\"EOF\r\n\tx\r\n",
      "FROM a\nCOPY --from= <<A <<B\n",
      "# escape=`\nFROM a\nRUN echo `\n\n",
      "ONBUILD ONBUILD ONBUILD RUN ${",
    ];
    for (const [i, text] of broken.entries()) {
      const uri = fileUri(root + `fixtures/lsp/broken-${i}.Dockerfile`);
      await client.open(uri, text);
      const published = await client.waitForDiagnostics(uri);
      expect(Array.isArray(published.diagnostics)).toBe(true);
      for (let line = 0; line < 4; line++) {
        for (const character of [0, 3, 8, 30]) {
          const at = { textDocument: { uri }, position: { line, character } };
          await client.request("textDocument/hover", at);
          await client.request("textDocument/completion", at);
          await client.request("textDocument/signatureHelp", at);
          await client.request("textDocument/references", { ...at, context: { includeDeclaration: true } });
        }
      }
      const whole = { textDocument: { uri } };
      await client.request("textDocument/semanticTokens/full", whole);
      await client.request("textDocument/documentSymbol", whole);
      await client.request("textDocument/foldingRange", whole);
    }
    expect(client.stderr).not.toMatch(/internal error|failed on/);
  });

  it("serves a huge document: diagnostics and an outline, in seconds", async () => {
    const stage = "FROM debian:12-slim AS s\nRUN apt-get update && apt-get install -y curl\nCOPY a b\n";
    const text = stage.repeat(8_000); // 24,000 lines, 570 kB: above the size the editor lints in full
    const uri = fileUri(root + "fixtures/lsp/huge.Dockerfile");
    const started = Date.now();
    await client.open(uri, text);
    const published = await client.waitForDiagnostics(uri, undefined, 60_000);
    // Too large to lint while typing: the parser's and the model's own checks only.
    expect(published.diagnostics.every((d) => String(d.code).startsWith("DF"))).toBe(true);
    const symbols = await client.request<unknown[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.length).toBe(8_000);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("answers a request cancelled while it waits with RequestCancelled, and runs the rest", async () => {
    const uri = fileUri(root + "fixtures/lsp/cancel.Dockerfile");
    const at = { textDocument: { uri }, position: { line: 0, character: 1 } };
    // Sent together: the server is still reading this document's settings when the cancellations
    // arrive, so the cancelled requests have not run.
    void client.open(uri, "FROM alpine:3.20 AS a\nRUN echo hi\n".repeat(3000));
    const first = client.request("textDocument/semanticTokens/full", { textDocument: { uri } });
    const waiting = [1, 2, 3].map(() => client.connection.sendRequest("textDocument/hover", at, cancelSoon()));
    const last = client.request<{ contents: { value: string } }>("textDocument/hover", at);
    const [a, b, c, d, e] = await Promise.allSettled([first, ...waiting, last]);
    expect(a.status).toBe("fulfilled");
    for (const w of [b, c, d]) expect(w).toMatchObject({ status: "rejected", reason: { code: LSPErrorCodes.RequestCancelled } });
    expect(e).toMatchObject({ status: "fulfilled", value: { contents: { value: expect.stringContaining("FROM") } } });
  });

  it("survives garbage on its input, then serves the next request", async () => {
    const child = spawn(process.execPath, [root + "bin/dflint.js", "lsp", "--stdio"], { cwd: root });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const send = (body: string) => child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    send("{ this is not json");
    send('{"jsonrpc":"2.0","id":"x","method":"no/such/method","params":{}}');
    send('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":42}}}');
    send('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}');
    const deadline = Date.now() + 20_000;
    while (!out.includes('"id":1') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain('"id":"x","error":{"code":-32601');
    expect(out).toMatch(/"id":1,"result":\{"capabilities"/);
    expect(child.exitCode).toBeNull();
    child.kill();
  });

  it("exits 0 after shutdown and exit, as the protocol says", async () => {
    const { client: other } = await LspClient.start();
    expect(await other.stop()).toBe(0);
  });
});

// A token that is cancelled as soon as the request has been written.
function cancelSoon() {
  let cancelled = false;
  const listeners: Array<() => void> = [];
  queueMicrotask(() => {
    cancelled = true;
    for (const l of listeners) l();
  });
  return {
    get isCancellationRequested() {
      return cancelled;
    },
    onCancellationRequested(listener: () => void) {
      listeners.push(listener);
      return { dispose() {} };
    },
  };
}
