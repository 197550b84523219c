// One version of one document, and everything the service knows about it: the parse, the model
// and the lint, each computed on first use and kept while the version lasts. Every feature reads
// these; none parses again. A version made from an earlier one re-parses only what the edit
// touched, and can give provisional findings before the whole file is linted again.
import type { FormatOptions } from "../format/format-options.js";
import { lint, type Finding, type LintResult } from "../lint/engine.js";
import type { LintSettings } from "../lint/settings.js";
import type { ShellcheckInput, ShellcheckOutput } from "../lint/shellcheck-hook.js";
import { analyze } from "../model/analyze.js";
import type { Model } from "../model/model.js";
import { LineIndex } from "../syntax/line-index.js";
import { parse } from "../syntax/parse.js";
import type { Diagnostic, Dockerfile, Instruction } from "../syntax/tree.js";
import { provisionalFindings } from "./incremental-lint.js";
import { editRegion, reparse, reparseUpToRegion, type Parsed, type Region, type Reparsed } from "./incremental-parse.js";

/** What the linter and the model are told about a document, from configuration and the client. */
export interface DocumentSettings {
  lint: Partial<LintSettings>;
  /** The project's formatter settings (`format:` in .dflint.yaml). */
  format?: FormatOptions;
  /** A URL ending in `/` where `CODE.md` documents each rule (dflint's docs/rules/), for rules with no page upstream. */
  ruleDocs?: string;
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

/** What completion reads of a model: scopes and stages (see DocumentAnalysis.scopeModel). */
export type ScopeModel = Pick<Model, "stages" | "globalArgs" | "scopeAt" | "stageOf">;

export class DocumentAnalysis {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  private lineIndex: LineIndex | null = null;
  private parsed: Reparsed | (Parsed & { region: null }) | null = null;
  private analyzed: Model | null = null;
  private linted: LintResult | null = null;
  private provisional: Finding[] | null = null;
  private mappedModel: ScopeModel | null = null;
  private prefix: Reparsed | null | undefined;
  /** The nearest earlier version with a parse: this one's parse and completion model derive from it. */
  private parseBase: DocumentAnalysis | null;
  /** The nearest earlier version with findings (and a parse): provisional findings derive from it. */
  private lintBase: DocumentAnalysis | null;

  constructor(doc: ServiceDocument, readonly settings: DocumentSettings, previous?: DocumentAnalysis) {
    this.uri = doc.uri;
    this.version = doc.version;
    this.text = doc.text;
    // Versions nobody asked about are skipped over, and each keeps at most these two links, so
    // the chain of versions never grows.
    if (previous?.parsed && !previous.analyzed && !previous.mappedModel && previous.parseBase?.hasModel) previous.scopeModel();
    this.parseBase = previous ? (previous.parsed ? previous : previous.parseBase) : null;
    this.lintBase = previous ? (previous.parsed && previous.hasFindings ? previous : previous.lintBase) : null;
    if (previous) previous.parseBase = previous.lintBase = null;
  }

  private get hasModel(): boolean {
    return this.analyzed !== null || this.mappedModel !== null;
  }

  private get hasFindings(): boolean {
    return this.linted !== null || this.provisional !== null;
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

  /**
   * Scopes and stages for completion, which must answer while typing: this version's model when it
   * is made; until then, the previous version's, its instructions mapped to this version's, when the
   * edit added or removed no FROM (the scopes before the edited instructions are unchanged).
   */
  scopeModel(offset?: number): ScopeModel {
    if (this.analyzed) return this.analyzed;
    if (!this.mappedModel) {
      const base = this.parseBase;
      const baseModel = base?.analyzed ?? base?.mappedModel;
      const parsed = this.parsed ?? (offset !== undefined ? this.prefixAt(offset) : null) ?? this.parse();
      if (base?.parsed && baseModel && parsed.region) this.mappedModel = mapModel(baseModel, base.parsed.tree, parsed.tree, parsed.region);
    }
    return this.mappedModel ?? this.model;
  }

  /** A tree that is right up to `offset`: the whole tree, or while typing, the tree up to the edited lines. */
  treeAt(offset: number): Dockerfile {
    return this.parsed?.tree ?? this.prefixAt(offset)?.tree ?? this.tree;
  }

  private prefixAt(offset: number): Reparsed | null {
    if (this.prefix === undefined) {
      const base = this.parseBase?.parsed;
      this.prefix = base ? reparseUpToRegion(base, this.text, this.index) : null;
    }
    return this.prefix && offset <= this.prefix.region.newEnd ? this.prefix : null;
  }

  get isTooLargeToLint(): boolean {
    return this.text.length > MAX_LINT_LENGTH;
  }

  /** The whole file linted: exact. */
  lint(): LintResult {
    if (!this.linted) {
      const output = this.shellcheck;
      this.linted = lint(this.text, {
        settings: this.settings.lint,
        analyze: { target: this.settings.target, platform: this.settings.platform },
        // The version's own parse (incremental from the last one) and model, which later requests share.
        parsed: { result: this.parse(), model: this.model },
        // Until ShellCheck has answered, the hook only keeps what the engine would hand it (shellcheckInputs).
        shellcheck: output
          ? () => output
          : (given) => {
              this.inputs = given;
              return { ok: true, comments: [] };
            },
      });
    }
    return this.linted;
  }

  /** ShellCheck's output for this version's scripts (the shell runs it, see src/lsp/shellcheck-pass.ts). */
  private shellcheck: ShellcheckOutput | null = null;
  private inputs: readonly ShellcheckInput[] = [];

  /** The scripts the whole-file lint hands ShellCheck: its RUN scripts in POSIX shells, with their declared names. */
  shellcheckInputs(): readonly ShellcheckInput[] {
    this.lint();
    return this.inputs;
  }

  /** Gives ShellCheck's answer for shellcheckInputs(): from now on this version's findings include its comments. */
  useShellcheck(output: ShellcheckOutput): void {
    this.shellcheck = output;
    this.linted = null;
  }

  /**
   * The findings: the exact ones when the file has been linted; otherwise, when asked and an earlier
   * version's findings and re-parse allow it, provisional ones derived from those (incremental-lint.ts).
   */
  findings(allowProvisional: boolean): { findings: readonly Finding[]; model: () => Model; isExact: boolean } {
    if (!this.linted && allowProvisional && !this.provisional) {
      const base = this.lintBase;
      const baseFindings = base?.linted?.findings ?? base?.provisional;
      if (base && base.text === this.text && base.linted) this.linted = base.linted; // typed and undone
      else if (base?.parsed && baseFindings) {
        // Only the edited region is parsed here: the new tree is not needed for findings.
        const edit = editRegion(base.parsed, this.text, this.index);
        if (edit) {
          this.provisional = provisionalFindings({ text: base.text, tree: base.parsed.tree, findings: baseFindings }, { text: this.text, index: this.index, ...edit }, this.settings);
        }
      }
    }
    // The model is made only if a finding's related locations need it.
    if (!this.linted && allowProvisional && this.provisional) return { findings: this.provisional, model: () => this.model, isExact: false };
    const linted = this.lint();
    return { findings: linted.findings, model: () => linted.model, isExact: true };
  }

  /** Takes the parse of another analysis of the same text (made before the settings were known). */
  adoptParse(other: DocumentAnalysis): void {
    if (!this.parsed && other.parsed && other.version === this.version && other.text === this.text) this.parsed = other.parsed;
  }

  private parse(): Reparsed | (Parsed & { region: null }) {
    if (!this.parsed) {
      const base = this.parseBase?.parsed;
      if (base && base.text === this.text) {
        // Typed and undone: the earlier version's parse and models are this one's.
        this.parsed = { ...base, region: null };
        this.analyzed = this.parseBase!.analyzed;
        this.mappedModel = this.parseBase!.mappedModel;
      } else this.parsed = (base && reparse(base, this.text, this.index)) || { text: this.text, ...parse(this.text), region: null };
    }
    return this.parsed;
  }
}

// The previous model seen through this version's instructions: an instruction before the edited
// region is the same object in both trees; one in it or after it is found by its position in the
// list of instructions. Null when the region holds a FROM, as stages then changed.
function mapModel(model: ScopeModel, before: Dockerfile, after: Dockerfile, region: Region): ScopeModel | null {
  const inRegion = (ins: Instruction, end: number) => ins.range.start.offset >= region.start && ins.range.start.offset < end;
  const oldRegion = before.instructions.filter((i) => inRegion(i, region.oldEnd));
  const newRegion = after.instructions.filter((i) => inRegion(i, region.newEnd));
  if ([...oldRegion, ...newRegion].some((i) => i.name === "FROM")) return null;
  const shift = oldRegion.length - newRegion.length;
  const firstInRegion = after.instructions.findIndex((i) => i.range.start.offset >= region.start);
  const toOld = (ins: Instruction): Instruction => {
    const at = after.instructions.indexOf(ins);
    if (at < 0) {
      // An ONBUILD trigger: the one of its instruction's counterpart.
      const outer = after.instructions.find((i) => i.trigger === ins);
      return (outer && toOld(outer).trigger) ?? ins;
    }
    if (firstInRegion < 0 || at < firstInRegion) return ins;
    const regionIndex = at - firstInRegion;
    const old = regionIndex < newRegion.length ? firstInRegion + Math.min(regionIndex, Math.max(0, oldRegion.length - 1)) : at + shift;
    return before.instructions[old] ?? ins;
  };
  return {
    stages: model.stages,
    globalArgs: model.globalArgs,
    scopeAt: (ins) => model.scopeAt(toOld(ins)),
    stageOf: (ins) => model.stageOf(toOld(ins)),
  };
}
