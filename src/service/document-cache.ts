// The analysis of each open document's latest version. A new version (or new settings) replaces
// the old analysis; every request for the same version shares one parse, model and lint.
import { DocumentAnalysis, type DocumentSettings, type ServiceDocument } from "./analysis.js";

export class DocumentCache {
  private readonly byUri = new Map<string, DocumentAnalysis>();

  /** The analysis of this version under these settings (compared by identity), made on first request. */
  get(doc: ServiceDocument, settings: DocumentSettings): DocumentAnalysis {
    const cached = this.byUri.get(doc.uri);
    if (cached && cached.version === doc.version && cached.settings === settings && cached.text === doc.text) return cached;
    // A later version under the same settings builds on the one before (see analysis.ts).
    const previous = cached && cached.settings === settings && cached.version < doc.version ? cached : undefined;
    const fresh = new DocumentAnalysis(doc, settings, previous);
    this.byUri.set(doc.uri, fresh);
    return fresh;
  }

  /** The latest analysis of a document, whatever its version. */
  peek(uri: string): DocumentAnalysis | undefined {
    return this.byUri.get(uri);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
