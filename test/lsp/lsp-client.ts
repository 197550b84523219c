// A real LSP client for the tests: the built `dflint lsp --stdio` in a child process, spoken to
// with vscode-languageserver-protocol's connection, as editors built on it do.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";

export const root = fileURLToPath(new URL("../../", import.meta.url));
/** For hooks that start a server: the process loads the linter, which takes seconds on a busy machine. */
export const START_TIMEOUT = 60_000;
const bin = root + "bin/dflint.js";

/** What a capable editor (VS Code-like) announces. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ["markdown", "plaintext"] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } } },
    rename: { prepareSupport: true },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, versionSupport: true },
    semanticTokens: { requests: { full: { delta: true } }, tokenTypes: [], tokenModifiers: [], formats: ["relative"] },
    foldingRange: { lineFoldingOnly: true },
    inlayHint: {},
    signatureHelp: {},
  },
};

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** The answer to workspace/configuration for the `dflint` section. */
  settings?: unknown;
  cwd?: string;
}

export class LspClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly messages: Array<{ type: number; message: string }> = [];
  private readonly waiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  stderr = "";
  settings: unknown;

  private constructor(readonly child: ChildProcessWithoutNullStreams, options: ClientOptions) {
    this.settings = options.settings;
    child.stderr.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (const w of this.waiters.splice(0)) w();
    });
    this.connection.onNotification("window/showMessage", (p: { type: number; message: string }) => this.messages.push(p));
    this.connection.onNotification("window/logMessage", () => {});
    this.connection.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => this.settings ?? null));
    this.connection.onRequest("client/registerCapability", () => null);
    this.connection.onRequest("window/workDoneProgress/create", () => null);
    this.connection.listen();
  }

  /** Starts `dflint lsp --stdio` and initializes it. */
  static async start(options: ClientOptions = {}): Promise<{ client: LspClient; init: InitializeResult }> {
    const child = spawn(process.execPath, [bin, "lsp", "--stdio"], { cwd: options.cwd ?? root, stdio: "pipe" });
    const client = new LspClient(child, options);
    const init = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(options.cwd ?? root).href,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions,
      workspaceFolders: null,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return { client, init };
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "dockerfile", version, text } });
  }

  /** Sends changes (incremental or whole) and returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** The first diagnostics published for `uri` that satisfy `test` (by default, any for its latest version). */
  async waitForDiagnostics(uri: string, test?: (p: PublishDiagnosticsParams) => boolean, timeout = 20_000): Promise<PublishDiagnosticsParams> {
    const ok = test ?? ((p: PublishDiagnosticsParams) => p.version === undefined || p.version === this.versions.get(uri));
    const deadline = Date.now() + timeout;
    for (;;) {
      const hit = (this.diagnostics.get(uri) ?? []).find(ok);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}; stderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends a request by method name. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Shuts down as an editor does; resolves with the exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    if (this.child.exitCode !== null) return this.child.exitCode;
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
