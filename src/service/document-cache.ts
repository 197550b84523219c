// The analysis of each open document's latest version. A new version (or new settings) replaces
// the old analysis; every request for the same version shares one parse, model and lint.
import { DocumentAnalysis, type DocumentSettings, type ServiceDocument } from "./analysis.js";

// Settings a parse made ahead of them is held under: the parse needs none (see preparse).
const NO_SETTINGS: DocumentSettings = { lint: {} };

export class DocumentCache {
  private readonly byUri = new Map<string, DocumentAnalysis>();
  /** Parses of newly opened documents, made before their settings were known. */
  private readonly early = new Map<string, DocumentAnalysis>();

  /**
   * Parses a document just opened while its settings are still being read: the editor's answer and
   * the configuration files take a round trip and file reads, which the parse, needing none of them,
   * can fill. The analysis made once the settings are known starts from it.
   */
  preparse(doc: ServiceDocument): DocumentAnalysis | null {
    if (this.byUri.has(doc.uri)) return null;
    const early = new DocumentAnalysis(doc, NO_SETTINGS);
    void early.tree;
    this.early.set(doc.uri, early);
    return early;
  }

  /** The analysis of this version under these settings (compared by identity), made on first request. */
  get(doc: ServiceDocument, settings: DocumentSettings): DocumentAnalysis {
    const cached = this.byUri.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settings === settings && cached.text === doc.text) return cached;
    // A later version under the same settings builds on the one before (see analysis.ts).
    const previous = cached && cached.settings === settings && cached.version < doc.version ? cached : undefined;
    const fresh = new DocumentAnalysis(doc, settings, previous);
    const early = this.early.get(doc.uri);
    if (early) {
      this.early.delete(doc.uri);
      if (!previous) fresh.adoptParse(early);
    }
    this.byUri.set(doc.uri, fresh);
    return fresh;
  }

  /** The latest analysis of a document, whatever its version. */
  peek(uri: string): DocumentAnalysis | undefined {
    return this.byUri.get(uri);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
    this.early.delete(uri);
  }
}
