// One version of one document, and everything the service knows about it: the parse, the model
// and the lint, each computed on first use and kept while the version lasts. Every feature reads
// these; none parses again.
import { lint, type LintResult } from "../lint/engine.js";
import type { LintSettings } from "../lint/settings.js";
import { analyze } from "../model/analyze.js";
import type { Model } from "../model/model.js";
import { LineIndex } from "../syntax/line-index.js";
import { parse } from "../syntax/parse.js";
import type { Diagnostic, Dockerfile } from "../syntax/tree.js";

/** What the linter and the model are told about a document, from configuration and the client. */
export interface DocumentSettings {
  lint: Partial<LintSettings>;
  /** The stage to build and the target platform, as `--target` and `--platform` give them. */
  target?: string;
  platform?: string;
}

export interface ServiceDocument {
  uri: string;
  version: number;
  text: string;
}

/** Above this size the editor gets the parser's and the model's diagnostics only: a full lint would stall typing. */
export const MAX_LINT_LENGTH = 500_000;

export class DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  private lineIndex: LineIndex | null = null;
  /** Diagnostics are null when the tree came from lint(), which keeps them among its findings. */
  private parsed: { tree: Dockerfile; diagnostics: Diagnostic[] | null } | null = null;
  private analyzed: Model | null = null;
  private linted: LintResult | null = null;

  constructor(doc: ServiceDocument, readonly settings: DocumentSettings) {
    this.uri = doc.uri;
    this.version = doc.version;
    this.text = doc.text;
  }

  get index(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get tree(): Dockerfile {
    return this.parse().tree;
  }

  /** The parser's and the model's own diagnostics, without the rules (for files too large to lint). */
  get syntaxDiagnostics(): Diagnostic[] {
    const parsed = this.parse();
    return [...(parsed.diagnostics ?? parse(this.text).diagnostics), ...this.model.diagnostics];
  }

  get model(): Model {
    if (!this.analyzed) {
      this.analyzed = analyze(this.tree, {
        buildArgs: this.settings.lint.buildArgs,
        target: this.settings.target,
        platform: this.settings.platform,
      });
    }
    return this.analyzed;
  }

  get isTooLargeToLint(): boolean {
    return this.text.length > MAX_LINT_LENGTH;
  }

  /** The linter's findings; the parse and model it made become this version's, so nothing is parsed twice. */
  lint(): LintResult {
    if (!this.linted) {
      this.linted = lint(this.text, { settings: this.settings.lint, analyze: { target: this.settings.target, platform: this.settings.platform } });
      // lint() parses the same text: its tree and model serve every other feature from now on,
      // unless features already hold the earlier ones (nodes are compared by identity).
      if (!this.parsed) this.parsed = { tree: this.linted.tree, diagnostics: null };
      if (!this.analyzed && this.parsed.tree === this.linted.tree) this.analyzed = this.linted.model;
    }
    return this.linted;
  }

  private parse(): { tree: Dockerfile; diagnostics: Diagnostic[] | null } {
    return (this.parsed ??= parse(this.text));
  }
}
