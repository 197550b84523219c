// Completion: instructions (with snippets), the flags each instruction takes and their values,
// RUN --mount types and options, stage names after FROM and in --from, ARG/ENV names after `$`
// and `${`, parser directives, rule codes in pragmas and `# check=`, and heredoc delimiters.
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range as LspRange,
} from "vscode-languageserver-types";
import { RULES } from "../lint/registry.js";
import type { Rule } from "../lint/rule.js";
import type { Stage } from "../model/model.js";
import { flagsOf } from "../syntax/check-flags.js";
import type { Dockerfile, Instruction } from "../syntax/tree.js";
import type { DocumentAnalysis, ScopeModel } from "./analysis.js";
import { CHECK_KEYS, DIRECTIVE_DOCS } from "./directive-docs.js";
import { FLAG_DOCS, mountOption, MOUNT_OPTION_DOCS, MOUNT_TYPE_DOCS, type ValueDoc } from "./flag-docs.js";
import { INSTRUCTION_DOCS, instructionUrl } from "./instruction-docs.js";
import { instructionAt } from "../syntax/instruction-at.js";
import { innermostInstructionAt, lineEndOffset, offsetOf } from "./locate.js";
import { logicalPrefix, type LogicalPrefix } from "./logical-prefix.js";
import { ruleMarkdown } from "./rule-docs.js";

export interface CompletionOptions {
  /** The client takes snippets. */
  snippets?: boolean;
}

export const COMPLETION_TRIGGERS = ["$", "{", "-", "=", ",", " ", "<"];

const NOT_TRIGGERS = new Set(["FROM", "MAINTAINER", "ONBUILD"]);
const SIGNALS = ["SIGTERM", "SIGINT", "SIGQUIT", "SIGKILL", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGWINCH"];
const DELIMITERS = ["EOF", "EOT"];

interface Context {
  analysis: DocumentAnalysis;
  /** The document's tree, correct at least up to the cursor. */
  tree: Dockerfile;
  offset: number;
  options: CompletionOptions;
  /** The range a completion replaces: the word being typed up to the cursor. */
  replace(length: number): LspRange;
}

const empty = (): CompletionList => ({ isIncomplete: false, items: [] });

/** The completions at a position. */
export function completion(analysis: DocumentAnalysis, position: Position, options: CompletionOptions = {}): CompletionList {
  const offset = offsetOf(analysis, position);
  if (offset === null) return empty();
  // While typing, the tree up to the edited lines is enough, and cheaper than the whole one.
  const tree = analysis.treeAt(offset);
  const lineStart = analysis.index.offsetAt(position.line, 0);
  const context: Context = {
    analysis,
    tree,
    offset,
    options,
    replace: (length) => {
      const start = analysis.index.position(Math.max(lineStart, offset - length));
      return { start: { line: start.line, character: start.character }, end: { line: position.line, character: offset - lineStart } };
    },
  };
  const ins = instructionAt(tree, offset);
  const heredoc = ins?.heredocs.find((h) => h.bodyRange.start.offset <= offset && offset <= (h.terminatorRange ?? h.bodyRange).end.offset);
  const line = analysis.text.slice(lineStart, offset);
  if (heredoc) return list(inHeredoc(context, innermostInstructionAt(tree, offset)!, heredoc.name, line));
  // A comment line, above an instruction or inside its continuation lines.
  if (/^\s*#/.test(line)) return list(inComment(context, line, ins));
  if (!ins || ins.keyword.range.start.offset > offset) {
    if (!/^\s*[A-Za-z]*$/.test(line)) return empty();
    return list(keywords(context, line.trim().length, !hasFromBefore(tree, offset), null));
  }
  const prefix = logicalPrefix(analysis.text, ins.range.start.offset, offset, tree.escape);
  return list(inInstruction(context, ins, prefix));
}

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}

function hasFromBefore(tree: Dockerfile, offset: number): boolean {
  return tree.instructions.some((i) => i.name === "FROM" && i.range.end.offset < offset);
}

// ---- instructions ----

function inInstruction(c: Context, ins: Instruction, prefix: LogicalPrefix): CompletionItem[] {
  let words = prefix.words;
  let inTrigger = false;
  // ONBUILD's trigger is an instruction of its own.
  if (words[0]?.text.toUpperCase() === "ONBUILD" && (words.length > 1 || prefix.isAfterSpace)) {
    words = words.slice(1);
    inTrigger = true;
  }
  const current = prefix.isAfterSpace ? "" : (words[words.length - 1]?.text ?? "");
  if (words.length === 0 || (words.length === 1 && !prefix.isAfterSpace)) {
    return keywords(c, current.length, false, inTrigger ? NOT_TRIGGERS : null);
  }
  const name = words[0]!.text.toUpperCase();
  const target = inTrigger && ins.trigger ? ins.trigger : ins;
  const dollar = variableCompletion(c, target, current);
  if (dollar) return dollar;
  const before = words.slice(1, prefix.isAfterSpace ? words.length : words.length - 1);
  const args = before.filter((w) => !w.text.startsWith("--"));
  const items: CompletionItem[] = [];
  // Flags come before the arguments: `-` asks for them, and an empty word offers them with the rest.
  if (args.length === 0 && (current.startsWith("-") || current === "")) {
    const flags = flagCompletion(c, name, current, before.map((w) => w.text));
    if (current.startsWith("-")) return flags ?? [];
    if (flags) items.push(...flags);
  }
  if (current.startsWith("<<") && ["RUN", "COPY", "ADD"].includes(name)) return heredocMarkers(c, current);
  const range = c.replace(current.length);
  switch (name) {
    case "FROM":
      if (args.length === 0) items.push(...fromImages(c, ins, current));
      else if (args.length === 1) items.push(item("AS", CompletionItemKind.Keyword, range, "AS ", "Name this stage."));
      break;
    case "HEALTHCHECK":
      if (args.length === 0) {
        for (const form of INSTRUCTION_DOCS.HEALTHCHECK!.forms) {
          const type = form.label.includes("NONE") ? "NONE" : "CMD";
          items.push(item(type, CompletionItemKind.Keyword, range, type === "CMD" ? "CMD " : "NONE", form.parameters.at(-1)!.documentation));
        }
      }
      break;
    case "STOPSIGNAL":
      if (args.length === 0) items.push(...SIGNALS.map((s) => item(s, CompletionItemKind.EnumMember, range, s, "")));
      break;
    case "ARG":
      items.push(...globalArgsToDeclare(c, ins, current));
      break;
  }
  return items;
}

function keywords(c: Context, typed: number, beforeFrom: boolean, excluded: ReadonlySet<string> | null): CompletionItem[] {
  const range = c.replace(typed);
  const out: CompletionItem[] = [];
  for (const [name, doc] of Object.entries(INSTRUCTION_DOCS)) {
    if (excluded?.has(name)) continue;
    const snippet = c.options.snippets && doc.snippet ? `${name} ${doc.snippet}` : null;
    const entry: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Keyword,
      detail: doc.summary,
      documentation: { kind: MarkupKind.Markdown, value: `${doc.details}\n\n${doc.forms.map((f) => "    " + f.label).join("\n")}\n\n[Reference](${instructionUrl(name)})` },
      textEdit: { range, newText: snippet ?? name + " " },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // Before the first FROM only ARG and FROM may come.
      sortText: (beforeFrom && (name === "FROM" || name === "ARG") ? "0" : "1") + name,
    };
    if (doc.deprecated) entry.tags = [CompletionItemTag.Deprecated];
    out.push(entry);
  }
  return out;
}

// ---- flags ----

function flagCompletion(c: Context, instruction: string, current: string, given: string[]): CompletionItem[] | null {
  const accepted = flagsOf(instruction);
  const docs = FLAG_DOCS[instruction] ?? {};
  const eq = current.indexOf("=");
  if (eq < 0) {
    const used = new Set(given.map((g) => g.replace(/^--/, "").split("=")[0]!.toLowerCase()));
    const out: CompletionItem[] = [];
    for (const [name, type] of Object.entries(accepted)) {
      if (used.has(name) && type !== "list") continue;
      const doc = docs[name];
      const isSwitch = type === "bool";
      const snippet = !isSwitch && c.options.snippets ? `--${name}=\${1:${doc?.placeholder ?? ""}}` : null;
      out.push({
        label: `--${name}`,
        kind: CompletionItemKind.Property,
        detail: doc?.summary,
        documentation: doc ? { kind: MarkupKind.Markdown, value: doc.summary } : undefined,
        textEdit: { range: c.replace(current.length), newText: snippet ?? (isSwitch ? `--${name}` : `--${name}=`) },
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        ...(snippet || isSwitch ? {} : { command: { title: "Suggest", command: "editor.action.triggerSuggest" } }),
      });
    }
    return out.length ? out : null;
  }
  const name = current.slice(2, eq).toLowerCase();
  const value = current.slice(eq + 1);
  if (instruction === "RUN" && name === "mount") return mountCompletion(c, value);
  if (name === "from" && (instruction === "COPY" || instruction === "ADD")) return stageNames(c, value, true);
  const doc = docs[name];
  const values = doc?.values ?? (accepted[name] === "bool" ? [{ value: "true", documentation: "" }, { value: "false", documentation: "" }] : null);
  return values ? valueItems(c, values, value) : [];
}

function mountCompletion(c: Context, value: string): CompletionItem[] {
  const fields = value.split(",");
  const currentField = fields[fields.length - 1]!;
  const type = fields.map((f) => /^type=(.*)$/i.exec(f.trim())?.[1]?.toLowerCase()).find((t) => t) ?? "bind";
  const eq = currentField.indexOf("=");
  if (eq < 0) {
    const used = new Set(fields.slice(0, -1).map((f) => mountOption(f.split("=")[0]!.trim())?.name));
    const out: CompletionItem[] = [];
    for (const [key, doc] of Object.entries(MOUNT_OPTION_DOCS)) {
      if (used.has(key) || (key !== "type" && !doc.types.includes(type))) continue;
      const isSwitch = key === "readonly" || key === "readwrite" || key === "required";
      out.push({
        label: key,
        kind: CompletionItemKind.Property,
        detail: `--mount option (${doc.types.join(", ")})`,
        documentation: { kind: MarkupKind.Markdown, value: doc.summary },
        textEdit: { range: c.replace(currentField.length), newText: isSwitch ? key : key + "=" },
        sortText: (key === "type" ? "0" : key === "target" ? "1" : "2") + key,
        ...(isSwitch ? {} : { command: { title: "Suggest", command: "editor.action.triggerSuggest" } }),
      });
    }
    return out;
  }
  const key = mountOption(currentField.slice(0, eq).trim());
  const typed = currentField.slice(eq + 1);
  if (!key) return [];
  if (key.name === "from") return stageNames(c, typed, false);
  return key.doc.values ? valueItems(c, key.name === "type" ? MOUNT_TYPE_DOCS : key.doc.values, typed) : [];
}

function valueItems(c: Context, values: readonly ValueDoc[], typed: string): CompletionItem[] {
  return values.map((v) => item(v.value, CompletionItemKind.EnumMember, c.replace(typed.length), v.value, v.documentation));
}

// ---- stages and images ----

function stagesBefore(model: ScopeModel, offset: number): Stage[] {
  return model.stages.filter((s) => s.from.range.end.offset < offset);
}

function stageNames(c: Context, typed: string, withIndices: boolean): CompletionItem[] {
  const stages = stagesBefore(c.analysis.scopeModel(c.offset), c.offset);
  const current = c.analysis.scopeModel(c.offset).stageOf(innermostInstructionAt(c.tree, c.offset)!);
  const out: CompletionItem[] = [];
  for (const s of stages) {
    if (s === current) continue; // a stage cannot copy from itself
    if (s.nameAsWritten) out.push(item(s.nameAsWritten, CompletionItemKind.Module, c.replace(typed.length), s.nameAsWritten, `Stage ${s.index}, from ${s.baseText || "?"}`));
    if (withIndices) out.push({ ...item(String(s.index), CompletionItemKind.Module, c.replace(typed.length), String(s.index), `Stage ${s.index}${s.nameAsWritten ? ` (${s.nameAsWritten})` : ""}`), sortText: "z" + s.index });
  }
  return out;
}

function fromImages(c: Context, ins: Instruction, typed: string): CompletionItem[] {
  const out = stageNames(c, typed, false).filter((i) => i.label !== c.analysis.scopeModel(c.offset).stages.find((s) => s.from === ins)?.nameAsWritten);
  out.push(item("scratch", CompletionItemKind.Module, c.replace(typed.length), "scratch", "The empty image."));
  return out;
}

// `ARG NAME` in a stage brings a global ARG's value into it.
function globalArgsToDeclare(c: Context, ins: Instruction, typed: string): CompletionItem[] {
  const model = c.analysis.scopeModel(c.offset);
  const stage = model.stageOf(ins);
  if (!stage) return [];
  const visible = model.scopeAt(ins);
  const out: CompletionItem[] = [];
  for (const g of model.globalArgs) {
    if (visible.get(g.name) || out.some((i) => i.label === g.name)) continue;
    out.push(item(g.name, CompletionItemKind.Variable, c.replace(typed.length), g.name, `Global ARG${g.value !== null ? ` = ${g.value}` : ""}: declare it here to use it in this stage.`));
  }
  return out;
}

// ---- variables ----

function variableCompletion(c: Context, ins: Instruction, current: string): CompletionItem[] | null {
  const m = /\$(\{?)([A-Za-z0-9_]*)$/.exec(current);
  if (!m) return null;
  const braced = m[1] === "{";
  const typed = m[2]!;
  const after = c.analysis.text.slice(c.offset, lineEndOffset(c.analysis, c.analysis.index.lineAt(c.offset)));
  const close = braced && !/^[A-Za-z0-9_]*\}/.test(after) ? "}" : "";
  const scope = c.analysis.scopeModel(c.offset).scopeAt(ins);
  const out: CompletionItem[] = [];
  for (const [name, d] of scope.entries()) {
    const where = d.kind === "automatic" ? "predefined by BuildKit" : d.kind === "global-arg" ? "global ARG" : d.kind === "env" ? "ENV" : d.kind === "build-arg" ? "build argument" : "ARG";
    out.push({
      label: name,
      kind: d.kind === "env" ? CompletionItemKind.Variable : CompletionItemKind.Constant,
      detail: d.value !== null ? `${where} = ${d.value.length > 60 ? d.value.slice(0, 60) + "…" : d.value}` : where,
      textEdit: { range: c.replace(typed.length), newText: name + close },
      sortText: (d.kind === "automatic" ? "1" : "0") + name,
    });
  }
  return out;
}

// ---- heredocs ----

function inHeredoc(c: Context, ins: Instruction, delimiter: string, line: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (/^\t*[A-Za-z0-9_]*$/.test(line)) {
    const typed = line.replace(/^\t+/, "");
    items.push({ ...item(delimiter, CompletionItemKind.Keyword, c.replace(typed.length), delimiter, "Ends the heredoc."), sortText: "0" });
  }
  const dollar = variableCompletion(c, ins, line.split(/\s/).pop() ?? "");
  return dollar ?? items;
}

function heredocMarkers(c: Context, current: string): CompletionItem[] {
  const dash = current.startsWith("<<-") ? "<<-" : "<<";
  return DELIMITERS.map((d) => item(dash + d, CompletionItemKind.Keyword, c.replace(current.length), dash + d, `A heredoc ending at a line '${d}'${dash === "<<-" ? " (leading tabs stripped)" : ""}.`));
}

// ---- comments: directives, pragmas, checks ----

function inComment(c: Context, line: string, ins: Instruction | null): CompletionItem[] {
  const isDirectiveArea = !c.tree.instructions.some((i) => i.range.end.offset < c.offset) && !ins;
  const pragma = /^\s*#\s*(?:hadolint|dflint)\s+(?:global\s+)?ignore\s*=\s*(?:[^,#\s]+\s*,\s*)*([^,#\s]*)$/.exec(line);
  if (pragma) return ruleItems(c, RULES, pragma[1]!.length);
  const check = /^\s*#\s*check\s*=\s*(.*)$/.exec(line);
  if (check) return checkCompletion(c, check[1]!);
  const word = /^\s*#\s*([a-z]*)$/.exec(line);
  if (!word) return [];
  const typed = word[1]!.length;
  const out: CompletionItem[] = [];
  if (isDirectiveArea) {
    for (const [name, doc] of Object.entries(DIRECTIVE_DOCS)) {
      if (c.tree.directives.some((d) => d.name === name && d.range.start.offset < c.offset)) continue;
      const snippet = c.options.snippets ? `${name}=${doc.snippet}` : null;
      out.push({
        label: name,
        kind: CompletionItemKind.Keyword,
        detail: "parser directive",
        documentation: { kind: MarkupKind.Markdown, value: doc.summary },
        textEdit: { range: c.replace(typed), newText: snippet ?? name + "=" },
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      });
    }
  }
  for (const pragmaText of ["dflint ignore=", "dflint global ignore="]) {
    out.push({ ...item(pragmaText, CompletionItemKind.Snippet, c.replace(typed), pragmaText, pragmaText.includes("global") ? "Ignore rules in the whole file." : "Ignore rules on the next instruction."), command: { title: "Suggest", command: "editor.action.triggerSuggest" } });
  }
  if (!isDirectiveArea) out.push({ ...item("check=", CompletionItemKind.Snippet, c.replace(typed), "check=skip=", "Skip BuildKit checks for the next instruction."), command: { title: "Suggest", command: "editor.action.triggerSuggest" } });
  return out;
}

function checkCompletion(c: Context, value: string): CompletionItem[] {
  const parts = value.split(";");
  const current = parts[parts.length - 1]!;
  const eq = current.indexOf("=");
  if (eq < 0) return CHECK_KEYS.map((k) => item(k.key + "=", CompletionItemKind.Property, c.replace(current.trimStart().length), k.key + "=", k.documentation));
  const key = current.slice(0, eq).trim();
  const typed = current.slice(eq + 1).split(",").pop()!.trimStart();
  if (key === "error") return ["true", "false"].map((v) => item(v, CompletionItemKind.EnumMember, c.replace(typed.length), v, ""));
  const checks = RULES.filter((r) => r.source === "buildkit" || r.source === "hadolint+buildkit");
  const items = ruleItems(c, checks, typed.length, true);
  items.push(item("all", CompletionItemKind.EnumMember, c.replace(typed.length), "all", "Every check."));
  return items;
}

function ruleItems(c: Context, rules: readonly Rule[], typed: number, byCheckName = false): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const rule of rules) {
    const label = byCheckName ? ((rule.aliases ?? []).find((a) => /^[A-Z][A-Za-z]+$/.test(a)) ?? rule.code) : rule.code;
    out.push({
      label,
      kind: CompletionItemKind.EnumMember,
      detail: `${rule.name}: ${rule.docs.summary}`,
      documentation: { kind: MarkupKind.Markdown, value: ruleMarkdown(rule, c.analysis.settings.ruleDocs) },
      filterText: `${label} ${rule.name}`,
      textEdit: { range: c.replace(typed), newText: label },
    });
  }
  return out;
}

function item(label: string, kind: CompletionItemKind, range: LspRange, newText: string, documentation: string): CompletionItem {
  return { label, kind, ...(documentation ? { documentation: { kind: MarkupKind.Markdown, value: documentation } } : {}), textEdit: { range, newText } };
}
