// The language service: Dockerfile text and settings in, LSP-shaped answers out, formatting included. Pure: it reads no
// files and opens nothing; the shells (src/lsp) hand it documents and configuration. Each
// document's parse, model and lint are made once per version and shared by every feature.
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  SemanticTokens,
  SemanticTokensDelta,
  SignatureHelp,
  TextEdit,
} from "vscode-languageserver-types";
import type { ShellcheckInput, ShellcheckOutput } from "./lint/shellcheck-hook.js";
import type { DocumentAnalysis, DocumentSettings, ServiceDocument } from "./service/analysis.js";
import { codeActions, type CodeActionRequest } from "./service/code-actions.js";
import { completion, type CompletionOptions } from "./service/completion.js";
import { diagnostics, type DiagnosticsOptions } from "./service/diagnostics.js";
import { DocumentCache } from "./service/document-cache.js";
import { foldingRanges, type FoldingOptions } from "./service/folding.js";
import { formatDocument, formatRange } from "./service/formatting.js";
import { hover } from "./service/hover.js";
import { inlayHints } from "./service/inlay-hints.js";
import { documentLinks } from "./service/links.js";
import { definition, documentHighlights, references } from "./service/navigation.js";
import { prepareRename, rename, type PrepareRenameResult, type RenameResult } from "./service/rename.js";
import { semanticTokens, semanticTokensEdits } from "./service/semantic-tokens.js";
import { signatureHelp } from "./service/signature-help.js";
import { documentSymbols } from "./service/symbols.js";
import { shSyntax } from "./model/shell/shell-parser.js";

export type { DocumentSettings, ServiceDocument } from "./service/analysis.js";
export type { CodeActionRequest } from "./service/code-actions.js";
export type { PrepareRenameResult, RenameResult } from "./service/rename.js";
export { COMPLETION_TRIGGERS } from "./service/completion.js";
export { FIX_ALL_KIND } from "./service/code-actions.js";
export { SEMANTIC_TOKENS_LEGEND } from "./service/semantic-tokens.js";
export { SIGNATURE_TRIGGERS } from "./service/signature-help.js";
export { flattenSymbols } from "./service/symbols.js";

/** Every editor feature over a cache of per-version analyses. */
export class LanguageService {
  private readonly cache = new DocumentCache();
  private readonly tokens = new Map<string, { id: string; data: number[] }>();
  private tokenIds = 0;

  /** The analysis of a document version (made once, then shared). */
  analysis(doc: ServiceDocument, settings: DocumentSettings): DocumentAnalysis {
    return this.cache.get(doc, settings);
  }

  /** The diagnostics, and whether they are exact (see DocumentAnalysis.findings). */
  diagnostics(doc: ServiceDocument, settings: DocumentSettings, options?: DiagnosticsOptions): { diagnostics: Diagnostic[]; isExact: boolean } {
    return diagnostics(this.analysis(doc, settings), options);
  }

  /** What ShellCheck is to check in a version: its RUN scripts (empty when none is in a POSIX shell). */
  shellcheckInputs(doc: ServiceDocument, settings: DocumentSettings): readonly ShellcheckInput[] {
    return this.analysis(doc, settings).shellcheckInputs();
  }

  /** ShellCheck's answer for shellcheckInputs(): the version's diagnostics include its findings from now on. */
  useShellcheck(doc: ServiceDocument, settings: DocumentSettings, output: ShellcheckOutput): void {
    this.analysis(doc, settings).useShellcheck(output);
  }

  /** Parses a document just opened while its settings are read: they are not needed for that (DocumentCache.preparse). */
  preparse(doc: ServiceDocument): void {
    this.cache.preparse(doc);
  }

  /** Parses and analyses a version ahead of requests, so that the next edit re-parses incrementally. */
  prepare(doc: ServiceDocument, settings: DocumentSettings): void {
    void this.analysis(doc, settings).model;
  }

  /**
   * Loads the full shell parser ahead of need. Scripts the quick reader cannot read go to mvdan/sh, whose 1.5 MB
   * of JavaScript takes ~150 ms to load on first use; in an editor that first use is a keystroke (a `${` being
   * typed), so the editor loads it while the user reads instead.
   */
  preloadShellParser(): void {
    shSyntax();
  }

  codeActions(doc: ServiceDocument, settings: DocumentSettings, request: CodeActionRequest): CodeAction[] {
    return codeActions(this.analysis(doc, settings), request);
  }

  hover(doc: ServiceDocument, settings: DocumentSettings, position: Position): Hover | null {
    return hover(this.analysis(doc, settings), position);
  }

  completion(doc: ServiceDocument, settings: DocumentSettings, position: Position, options?: CompletionOptions): CompletionList {
    return completion(this.analysis(doc, settings), position, options);
  }

  signatureHelp(doc: ServiceDocument, settings: DocumentSettings, position: Position): SignatureHelp | null {
    return signatureHelp(this.analysis(doc, settings), position);
  }

  documentSymbols(doc: ServiceDocument, settings: DocumentSettings): DocumentSymbol[] {
    return documentSymbols(this.analysis(doc, settings));
  }

  foldingRanges(doc: ServiceDocument, settings: DocumentSettings, options?: FoldingOptions): FoldingRange[] {
    return foldingRanges(this.analysis(doc, settings), options);
  }

  documentHighlights(doc: ServiceDocument, settings: DocumentSettings, position: Position): DocumentHighlight[] {
    return documentHighlights(this.analysis(doc, settings), position);
  }

  definition(doc: ServiceDocument, settings: DocumentSettings, position: Position): Location[] {
    return definition(this.analysis(doc, settings), position);
  }

  references(doc: ServiceDocument, settings: DocumentSettings, position: Position, includeDeclaration: boolean): Location[] {
    return references(this.analysis(doc, settings), position, includeDeclaration);
  }

  prepareRename(doc: ServiceDocument, settings: DocumentSettings, position: Position): PrepareRenameResult {
    return prepareRename(this.analysis(doc, settings), position);
  }

  rename(doc: ServiceDocument, settings: DocumentSettings, position: Position, newName: string): RenameResult {
    return rename(this.analysis(doc, settings), position, newName);
  }

  documentLinks(doc: ServiceDocument, settings: DocumentSettings): DocumentLink[] {
    return documentLinks(this.analysis(doc, settings));
  }

  inlayHints(doc: ServiceDocument, settings: DocumentSettings, range: Range): InlayHint[] {
    return inlayHints(this.analysis(doc, settings), range);
  }

  formatDocument(doc: ServiceDocument, settings: DocumentSettings, options: FormattingOptions): TextEdit[] {
    return formatDocument(this.analysis(doc, settings), options);
  }

  formatRange(doc: ServiceDocument, settings: DocumentSettings, range: Range, options: FormattingOptions): TextEdit[] {
    return formatRange(this.analysis(doc, settings), range, options);
  }

  /** All tokens; the result is remembered for a later delta request. */
  semanticTokens(doc: ServiceDocument, settings: DocumentSettings): SemanticTokens {
    const data = semanticTokens(this.analysis(doc, settings));
    const resultId = String(++this.tokenIds);
    this.tokens.set(doc.uri, { id: resultId, data });
    return { resultId, data };
  }

  /** The change since the tokens with `previousResultId`, or all tokens when those are forgotten. */
  semanticTokensDelta(doc: ServiceDocument, settings: DocumentSettings, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const previous = this.tokens.get(doc.uri);
    const next = this.semanticTokens(doc, settings);
    if (!previous || previous.id !== previousResultId) return next;
    return { resultId: next.resultId!, edits: semanticTokensEdits(previous.data, next.data) };
  }

  /** Forgets a closed document. */
  close(uri: string): void {
    this.cache.delete(uri);
    this.tokens.delete(uri);
  }
}
