// One version of one document, and everything the service knows about it: the parse, the model
// and the lint, each computed on first use and kept while the version lasts. Every feature reads
// these; none parses again. A version made from an earlier one re-parses only what the edit
// touched, and can give provisional findings before the whole file is linted again.
import type { FormatOptions } from "../format/format-options.js";
import { lint, type Finding, type LintResult } from "../lint/engine.js";
import type { LintSettings } from "../lint/settings.js";
import { analyze } from "../model/analyze.js";
import type { Model } from "../model/model.js";
import { LineIndex } from "../syntax/line-index.js";
import { parse } from "../syntax/parse.js";
import type { Diagnostic, Dockerfile } from "../syntax/tree.js";
import { provisionalFindings } from "./incremental-lint.js";
import { reparse, type Parsed, type Reparsed } from "./incremental-parse.js";

/** What the linter and the model are told about a document, from configuration and the client. */
export interface DocumentSettings {
  lint: Partial<LintSettings>;
  /** The project's formatter settings (`format:` in .dflint.yaml). */
  format?: FormatOptions;
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
  private parsed: Reparsed | (Parsed & { region: null }) | null = null;
  private analyzed: Model | null = null;
  private linted: LintResult | null = null;
  private provisional: Finding[] | null = null;
  /** An earlier version with a parse, to derive this one's parse and findings from (its own base is dropped). */
  private base: DocumentAnalysis | null;

  constructor(doc: ServiceDocument, readonly settings: DocumentSettings, previous?: DocumentAnalysis) {
    this.uri = doc.uri;
    this.version = doc.version;
    this.text = doc.text;
    // The nearest version that was parsed: chains of unparsed versions never grow.
    this.base = previous ? (previous.parsed ? previous : previous.base) : null;
    if (previous) previous.base = null;
  }

  get index(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  get tree(): Dockerfile {
    return this.parse().tree;
  }

  /** The parser's and the model's own diagnostics, without the rules (for files too large to lint). */
  get syntaxDiagnostics(): Diagnostic[] {
    return [...this.parse().diagnostics, ...this.model.diagnostics];
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

  /** The whole file linted: exact. */
  lint(): LintResult {
    if (!this.linted) {
      this.linted = lint(this.text, { settings: this.settings.lint, analyze: { target: this.settings.target, platform: this.settings.platform } });
    }
    return this.linted;
  }

  /**
   * The findings: the exact ones when the file has been linted; otherwise, when asked and an earlier
   * version's findings and re-parse allow it, provisional ones derived from those (incremental-lint.ts).
   */
  findings(allowProvisional: boolean): { findings: readonly Finding[]; model: Model; isExact: boolean } {
    if (!this.linted && allowProvisional && !this.provisional) {
      const base = this.base;
      const parsed = this.parse();
      const baseFindings = base?.linted?.findings ?? base?.provisional;
      if (base?.parsed && baseFindings && parsed.region) {
        this.provisional = provisionalFindings({ text: base.text, tree: base.parsed.tree, findings: baseFindings }, { text: this.text, tree: parsed.tree, index: this.index, region: parsed.region }, this.settings);
      }
    }
    if (!this.linted && allowProvisional && this.provisional) return { findings: this.provisional, model: this.model, isExact: false };
    const linted = this.lint();
    return { findings: linted.findings, model: linted.model, isExact: true };
  }

  private parse(): Reparsed | (Parsed & { region: null }) {
    if (!this.parsed) {
      const base = this.base?.parsed;
      this.parsed = (base && reparse(base, this.text, this.index)) || { text: this.text, ...parse(this.text), region: null };
    }
    return this.parsed;
  }
}
