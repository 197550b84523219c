// Findings as LSP diagnostics: the rule's code with a link to its documentation, the level as a
// severity, tags (deprecated, unnecessary) and related locations.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from "vscode-languageserver-types";
import type { Finding } from "../lint/engine.js";
import { findRule } from "../lint/registry.js";
import type { Level } from "../lint/rule.js";
import type { Model } from "../model/model.js";
import type { Diagnostic as SyntaxDiagnostic, Severity } from "../syntax/tree.js";
import type { DocumentAnalysis } from "./analysis.js";
import { lspRange } from "./locate.js";
import { relatedInformation } from "./related-information.js";
import { ruleUrl } from "./rule-docs.js";

const SEVERITY: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  style: DiagnosticSeverity.Hint,
};

const SYNTAX_LEVEL: Record<Severity, Level> = { error: "error", warning: "warning", info: "info", hint: "style" };

// MAINTAINER is deprecated; an overridden CMD, ENTRYPOINT or HEALTHCHECK is dead code.
const TAGS: Record<string, DiagnosticTag[]> = { DL4000: [DiagnosticTag.Deprecated], DF208: [DiagnosticTag.Unnecessary] };

export interface DiagnosticsOptions {
  /** Provisional findings will do when the whole file has not been linted since the last edit. */
  allowProvisional?: boolean;
  /** The client shows related information. */
  hasRelatedInformation?: boolean;
  /** The client supports diagnostic tags. */
  hasTags?: boolean;
}

/** Every finding of the document as a diagnostic; a file too large to lint gets its syntax problems only. */
export function diagnostics(analysis: DocumentAnalysis, options: DiagnosticsOptions = {}): { diagnostics: Diagnostic[]; isExact: boolean } {
  if (analysis.isTooLargeToLint) return { diagnostics: analysis.syntaxDiagnostics.map(fromSyntax), isExact: true };
  const { findings, model, isExact } = analysis.findings(options.allowProvisional === true);
  // Related locations need the model: the exact diagnostics that follow provisional ones bring them.
  const related = { ...options, hasRelatedInformation: isExact && options.hasRelatedInformation !== false };
  return { diagnostics: findings.map((f) => toDiagnostic(f, model, analysis.uri, related, analysis.settings.ruleDocs)), isExact };
}

function toDiagnostic(f: Finding, model: () => Model, uri: string, options: DiagnosticsOptions, ruleDocs?: string): Diagnostic {
  const d: Diagnostic = { range: lspRange(f.range), severity: SEVERITY[f.level], code: f.code, source: "dflint", message: f.message };
  const rule = findRule(f.code);
  const url = rule ? ruleUrl(rule, ruleDocs) : null;
  if (url) d.codeDescription = { href: url };
  const tags = TAGS[f.code];
  if (tags && options.hasTags !== false) d.tags = tags;
  if (options.hasRelatedInformation !== false) {
    const related = relatedInformation(f, model, uri);
    if (related.length) d.relatedInformation = related;
  }
  return d;
}

function fromSyntax(d: SyntaxDiagnostic): Diagnostic {
  return { range: lspRange(d.range), severity: SEVERITY[SYNTAX_LEVEL[d.severity]], code: d.code, source: "dflint", message: d.message };
}
