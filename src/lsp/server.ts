// The language server: LSP in, the language service's answers out. Transport only: documents
// (incremental sync), settings, file watching, the typing debounce and cancellation live here;
// what to answer is the service's (src/service.ts).
import type { CancellationToken, ClientCapabilities, Connection, InitializeResult } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  COMPLETION_TRIGGERS,
  FIX_ALL_KIND,
  flattenSymbols,
  LanguageService,
  SEMANTIC_TOKENS_LEGEND,
  SIGNATURE_TRIGGERS,
  type DocumentSettings,
  type ServiceDocument,
} from "../service.js";
import { readClientSettings, type ClientSettings } from "./client-settings.js";
import { DiagnosticsScheduler } from "./diagnostics-scheduler.js";
import { ShellcheckPass } from "./shellcheck-pass.js";
import { SettingsResolver } from "./document-settings.js";
import { DirectoryWatcher } from "./file-watch.js";
import { lsp } from "./protocol.js";

const { CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, LSPErrorCodes, MessageType, ResponseError, TextDocuments, TextDocumentSyncKind } = lsp;

/** Milliseconds after provisional diagnostics before the whole file is linted, unless typing goes on. */
const EXACT_DELAY = 300;
/** Milliseconds after the first diagnostics before the full shell parser loads (see preloadShellParser). */
const SHELL_PARSER_PRELOAD_DELAY = 1500;

const SETTINGS_FILES = ["**/.dflint.{yaml,yml}", "**/.hadolint.{yaml,yml}", "**/.dockerignore", "**/*.dockerignore"];

export interface ServerInfo {
  version: string;
  /** Where dflint's rule pages are (a file: URL ending in `/`), when the package has them. */
  ruleDocs?: string;
}

/** Serves the language service on a connection until the editor shuts it down. */
export function startServer(connection: Connection, info: ServerInfo): void {
  const service = new LanguageService();
  const documents = new TextDocuments(TextDocument);
  let capabilities: ClientCapabilities = {};
  let fallbackSettings: unknown = undefined;
  const warned = new Set<string>();
  const warn = (message: string) => {
    connection.console.warn(`dflint: ${message}`);
    if (warned.has(message)) return;
    warned.add(message);
    void connection.sendNotification("window/showMessage", { type: MessageType.Warning, message: `dflint: ${message}` });
  };

  const hasConfiguration = () => capabilities.workspace?.configuration === true;
  const clientSettings = async (uri: string): Promise<ClientSettings> => {
    let value: unknown = fallbackSettings;
    if (hasConfiguration()) {
      try {
        value = await connection.workspace.getConfiguration({ scopeUri: uri, section: "dflint" });
      } catch {
        value = fallbackSettings; // a client that answers with an error has no settings for us
      }
    }
    const { settings, errors } = readClientSettings(value);
    for (const e of errors) warn(e);
    return settings;
  };

  let watcher: DirectoryWatcher | null = null;
  const resolver = new SettingsResolver(clientSettings, warn, info.ruleDocs);
  // Each reading of the settings has its directories watched once, not at every keystroke: a
  // directory that cannot be watched (an unsaved file's, a removed one) throws each time it is tried.
  const watchedFor = new WeakSet<object>();
  const settingsOf = async (uri: string) => {
    const resolved = await resolver.get(uri);
    if (watcher && !watchedFor.has(resolved)) {
      watchedFor.add(resolved);
      watcher.add(resolved.watched);
    }
    return resolved;
  };

  const current = (uri: string): ServiceDocument | null => {
    const d = documents.get(uri);
    return d ? { uri, version: d.version, text: d.getText() } : null;
  };

  let shellParserPreload: NodeJS.Timeout | null = null;
  // Provisional findings come right after an edit; the whole file is linted once typing pauses.
  const publish = async (uri: string, exact: boolean) => {
    const doc = current(uri);
    if (!doc) return;
    const { document: settings, shellcheck } = await settingsOf(uri);
    const now = documents.get(uri);
    if (!now || now.version !== doc.version) return; // a newer change has its own lint scheduled
    try {
      const { diagnostics, isExact } = service.diagnostics(doc, settings, {
        allowProvisional: !exact,
        hasRelatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation !== false,
        hasTags: capabilities.textDocument?.publishDiagnostics?.tagSupport !== undefined,
      });
      const sent = connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
      if (!isExact) scheduler.schedule(uri, EXACT_DELAY, true);
      else {
        // The parse and model of this version, ready for the next edit to build on; made once the
        // diagnostics are written, which would otherwise wait for it (a tenth of a first start).
        await sent;
        if (!shellParserPreload) shellParserPreload = setTimeout(() => service.preloadShellParser(), SHELL_PARSER_PRELOAD_DELAY).unref();
        if (documents.get(uri)?.version !== doc.version) return;
        service.prepare(doc, settings);
        // ShellCheck's findings follow in a second publish, once typing pauses and it has answered.
        if (shellcheck) shellcheckPass.schedule(doc, settings, () => void publish(uri, true));
      }
    } catch (e) {
      connection.console.error(`dflint: linting ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  };
  const scheduler = new DiagnosticsScheduler((uri, exact) => void publish(uri, exact));
  const shellcheckPass = new ShellcheckPass(service, (uri, version) => documents.get(uri)?.version === version, (m) => connection.console.log(m));
  const relintAll = () => {
    for (const d of documents.all()) scheduler.schedule(d.uri, 0);
  };
  const settingsChanged = () => {
    resolver.invalidate();
    relintAll();
  };

  // Every request: the document's current version and settings, cancellation honoured, and an
  // empty answer (logged) instead of an error should the service fail.
  const request =
    <P extends { textDocument: { uri: string } }, R>(name: string, empty: R, answer: (doc: ServiceDocument, settings: DocumentSettings, params: P) => R) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      const doc = current(params.textDocument.uri);
      if (!doc) return empty;
      const { document: settings } = await settingsOf(doc.uri);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "cancelled");
      const latest = current(doc.uri) ?? doc;
      try {
        return answer(latest, settings, params);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(`dflint: ${name} failed on ${doc.uri}: ${(e as Error)?.stack ?? String(e)}`);
        return empty;
      }
    };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities ?? {};
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    fallbackSettings = init && typeof init === "object" && "dflint" in init ? init.dflint : init;
    const hasLiterals = capabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: { label: "dflint" },
        codeActionProvider: hasLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        renameProvider: capabilities.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: false },
        inlayHintProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: "dflint", version: info.version },
    };
  });

  connection.onInitialized(() => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "dflint" });
    }
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: SETTINGS_FILES.map((globPattern) => ({ globPattern })) });
    } else {
      watcher = new DirectoryWatcher(settingsChanged);
      for (const d of documents.all()) void settingsOf(d.uri);
    }
  });

  connection.onDidChangeConfiguration((params) => {
    const settings = params?.settings as Record<string, unknown> | undefined;
    if (!hasConfiguration() && settings && typeof settings === "object") fallbackSettings = "dflint" in settings ? settings.dflint : fallbackSettings;
    settingsChanged();
  });
  connection.onDidChangeWatchedFiles(() => settingsChanged());

  // TextDocuments announces an opened document as changed as well, right after it is opened: that
  // is not an edit, and its lint is scheduled already. Only the announcement made in the same turn
  // as the open is passed over, so that no real edit ever is.
  const opening = new WeakSet<object>();
  documents.onDidOpen(({ document }) => {
    opening.add(document);
    queueMicrotask(() => opening.delete(document));
    // The settings are asked for first (of the editor, a round trip, and of the configuration files),
    // and the document is parsed while they come: the first diagnostics wait for both. The parse waits
    // for the next turn of the event loop, in which the connection writes the request out.
    void settingsOf(document.uri);
    const doc = { uri: document.uri, version: document.version, text: document.getText() };
    setImmediate(() => service.preparse(doc));
    scheduler.schedule(document.uri, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (opening.delete(document)) return;
    void settingsOf(document.uri).then((s) => scheduler.schedule(document.uri, s.debounce));
  });
  documents.onDidClose(({ document }) => {
    scheduler.cancel(document.uri);
    service.close(document.uri);
    resolver.forget(document.uri);
    shellcheckPass.forget(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onHover(request("hover", null, (doc, s, p) => service.hover(doc, s, p.position)));
  connection.onCompletion(
    request("completion", { isIncomplete: false, items: [] }, (doc, s, p) =>
      service.completion(doc, s, p.position, { snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true }),
    ),
  );
  connection.onSignatureHelp(request("signature help", null, (doc, s, p) => service.signatureHelp(doc, s, p.position)));
  connection.onDefinition(request("definition", [], (doc, s, p) => service.definition(doc, s, p.position)));
  connection.onReferences(request("references", [], (doc, s, p) => service.references(doc, s, p.position, p.context?.includeDeclaration !== false)));
  connection.onDocumentHighlight(request("highlight", [], (doc, s, p) => service.documentHighlights(doc, s, p.position)));
  connection.onDocumentSymbol(
    request("symbols", [], (doc, s) => {
      const symbols = service.documentSymbols(doc, s);
      return capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? symbols : flattenSymbols(doc.uri, symbols);
    }),
  );
  connection.onCodeAction(
    request("code actions", [], (doc, s, p) => service.codeActions(doc, s, { range: p.range, diagnostics: p.context?.diagnostics, only: p.context?.only })),
  );
  connection.onDocumentLinks(request("links", [], (doc, s) => service.documentLinks(doc, s)));
  connection.onFoldingRanges(request("folding", [], (doc, s) => service.foldingRanges(doc, s, { rangeLimit: capabilities.textDocument?.foldingRange?.rangeLimit })));
  connection.onPrepareRename(
    request("prepare rename", null, (doc, s, p) => {
      const result = service.prepareRename(doc, s, p.position);
      if (result === null) return null;
      if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      return { range: result.range, placeholder: result.placeholder };
    }),
  );
  connection.onRenameRequest(
    request("rename", null, (doc, s, p) => {
      const result = service.rename(doc, s, p.position, p.newName);
      if (!result.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      return result.edit;
    }),
  );
  connection.languages.semanticTokens.on(request("semantic tokens", { data: [] }, (doc, s) => service.semanticTokens(doc, s)));
  connection.languages.semanticTokens.onDelta(
    request("semantic tokens delta", { data: [] }, (doc, s, p) => service.semanticTokensDelta(doc, s, p.previousResultId)),
  );
  connection.onDocumentFormatting(request("formatting", [], (doc, s, p) => service.formatDocument(doc, s, p.options)));
  connection.onDocumentRangeFormatting(request("range formatting", [], (doc, s, p) => service.formatRange(doc, s, p.range, p.options)));
  connection.languages.inlayHint.on(request("inlay hints", [], (doc, s, p) => service.inlayHints(doc, s, p.range)));

  connection.onShutdown(() => {
    scheduler.dispose();
    watcher?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
