// Hover: instructions, flags and RUN --mount options, parser directives, rule codes in pragmas and
// `# check=` comments, variables (where declared, and their value at that point when known),
// stages, and image references (registry, repository, tag, digest).
import { MarkupKind, type Hover, type Position } from "vscode-languageserver-types";
import { findRules } from "../lint/registry.js";
import { parseImageReference, type ImageReference } from "../model/image-reference.js";
import type { Declaration, Model, Stage } from "../model/model.js";
import { readMountFields } from "../syntax/mount-options.js";
import type { Flag, Instruction, Range, SyntaxNode } from "../syntax/tree.js";
import type { DocumentAnalysis } from "./analysis.js";
import { DIRECTIVE_DOCS, PRAGMA } from "./directive-docs.js";
import { FLAG_DOCS, mountOption, MOUNT_TYPE_DOCS } from "./flag-docs.js";
import { INSTRUCTION_DOCS, instructionUrl } from "./instruction-docs.js";
import { contains, innermostInstructionAt, lspRange, nodePath, offsetOf } from "./locate.js";
import { ruleMarkdown } from "./rule-docs.js";
import { shellReferences } from "./shell-references.js";

const MAX_VALUE = 200;

/** The hover at a position, or null when there is nothing to say. */
export function hover(analysis: DocumentAnalysis, position: Position): Hover | null {
  const offset = offsetOf(analysis, position);
  if (offset === null) return null;
  const tree = analysis.tree;
  const top = nodePath(tree, offset)[1];
  if (top?.kind === "directive") return directiveHover(analysis, top, offset);
  if (top?.kind === "comment") return commentHover(analysis, top, offset);
  const ins = innermostInstructionAt(tree, offset);
  if (!ins) return null;
  return variableHover(analysis, ins, offset) ?? instructionPartHover(analysis, ins, offset);
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: lspRange(range) };
}

function code(text: string): string {
  const shown = text.length > MAX_VALUE ? text.slice(0, MAX_VALUE) + "…" : text;
  const fence = shown.includes("`") ? "`` " : "`";
  return fence + shown + (fence === "`" ? "`" : " ``");
}

// ---- comments ----

function directiveHover(analysis: DocumentAnalysis, node: SyntaxNode, offset: number): Hover | null {
  if (node.kind !== "directive") return null;
  if (node.name === "check" && contains(node.valueRange, offset)) {
    const rule = checkNameAt(analysis.text, node.valueRange, offset, analysis.settings.ruleDocs);
    if (rule) return rule;
  }
  const doc = DIRECTIVE_DOCS[node.name];
  if (!doc) return null;
  return markdown(`**${node.name}** parser directive\n\n${doc.summary}\n\n[Reference](${doc.url})`, node.range);
}

function commentHover(analysis: DocumentAnalysis, node: SyntaxNode, offset: number): Hover | null {
  const text = analysis.text.slice(node.range.start.offset, node.range.end.offset);
  const pragma = PRAGMA.exec(text);
  if (pragma) {
    const start = node.range.start.offset + pragma[1]!.length;
    return codeAt(analysis, pragma[2]!, start, offset);
  }
  const check = /^(\s*#\s*check\s*=\s*)(.*)$/.exec(text);
  if (check) {
    const start = node.range.start.offset + check[1]!.length;
    return checkNameAt(analysis.text, analysis.index.range(start, start + check[2]!.length), offset, analysis.settings.ruleDocs);
  }
  return null;
}

// A rule code in a comma-separated list that starts at `start`.
function codeAt(analysis: DocumentAnalysis, list: string, start: number, offset: number): Hover | null {
  let at = start;
  for (const part of list.split(",")) {
    const lead = part.length - part.trimStart().length;
    const name = part.trim().split(/\s/)[0] ?? "";
    const from = at + lead;
    if (name && offset >= from && offset <= from + name.length) {
      const rules = findRules(name);
      const range = analysis.index.range(from, from + name.length);
      const docs = rules.map((r) => ruleMarkdown(r, analysis.settings.ruleDocs)).join("\n\n---\n\n");
      return markdown(docs || `No rule is named ${code(name)}; this pragma is ignored (hadolint drops a pragma with an unknown code).`, range);
    }
    at += part.length + 1;
  }
  return null;
}

// `skip=A,B;experimental=C`: the check under the cursor.
function checkNameAt(text: string, valueRange: Range, offset: number, docs?: string): Hover | null {
  const value = text.slice(valueRange.start.offset, valueRange.end.offset);
  const re = /[A-Za-z0-9_-]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const from = valueRange.start.offset + m.index;
    if (offset < from || offset > from + m[0].length) continue;
    const rules = findRules(m[0]);
    if (rules.length === 0) return null;
    const start = { ...valueRange.start, offset: from, character: valueRange.start.character + m.index };
    const end = { ...start, offset: from + m[0].length, character: start.character + m[0].length };
    return { contents: { kind: MarkupKind.Markdown, value: rules.map((r) => ruleMarkdown(r, docs)).join("\n\n---\n\n") }, range: lspRange({ start, end }) };
  }
  return null;
}

// ---- variables ----

function variableHover(analysis: DocumentAnalysis, ins: Instruction, offset: number): Hover | null {
  const model = analysis.model;
  for (const ref of model.references) {
    if (ref.instruction === ins && contains(ref.range, offset)) return markdown(referenceText(ref.name, ref.declaration, ref.isCertainlyUndefined), ref.range);
  }
  for (const d of model.declarations) {
    if (d.instruction && d.nameRange && contains(d.nameRange, offset)) return markdown(declarationText(d), d.nameRange);
  }
  for (const ref of shellReferences(ins, model, analysis.index)) {
    if (!contains(ref.range, offset)) continue;
    const text = ref.declaration
      ? referenceText(ref.name, ref.declaration, false) + "\n\nThe shell expands it when the command runs."
      : `${code("$" + ref.name)} is not declared by this Dockerfile; the shell reads it from the environment it runs in (the base image's, for instance).`;
    return markdown(text, ref.range);
  }
  return null;
}

function referenceText(name: string, d: Declaration | null, isCertainlyUndefined: boolean): string {
  if (!d) {
    return isCertainlyUndefined
      ? `${code("$" + name)} is not declared here: it expands to an empty string.`
      : `${code("$" + name)} is not declared by this Dockerfile; it is empty unless the base image's environment sets it.`;
  }
  return `${code("$" + name)}: ${origin(d)}\n\n${valueLine(d)}`;
}

function declarationText(d: Declaration): string {
  const lines = [`**${d.kind === "env" ? "ENV" : "ARG"}** ${code(d.name)}: ${origin(d)}`];
  if (d.kind !== "env" && d.rawValue !== null) lines.push(`Default as written: ${code(d.rawValue)}; \`--build-arg ${d.name}=...\` overrides it.`);
  if (d.inherits) lines.push(`Takes its value from the ${d.inherits.kind === "automatic" ? "predefined" : "global"} ${code(d.name)}.`);
  lines.push(valueLine(d));
  return lines.join("\n\n");
}

function origin(d: Declaration): string {
  if (d.kind === "automatic") return "predefined by BuildKit.";
  if (d.kind === "build-arg") return "given as a build argument.";
  const line = d.nameRange ? ` on line ${d.nameRange.start.line + 1}` : "";
  if (d.kind === "global-arg") return `ARG${line}, before the first FROM.`;
  return `${d.kind === "env" ? "ENV" : "ARG"}${line}, in ${stageLabel(d.stage)}.`;
}

function valueLine(d: Declaration): string {
  if (d.value === null) return d.kind === "env" ? "Its value is not known here." : "No value unless given with `--build-arg`.";
  return d.value === "" ? "Value here: empty." : `Value here: ${code(d.value)}`;
}

function stageLabel(stage: Stage | null): string {
  if (!stage) return "the global scope";
  return stage.nameAsWritten ? `stage '${stage.nameAsWritten}'` : `stage ${stage.index}`;
}

// ---- instructions, flags, images, stages ----

function instructionPartHover(analysis: DocumentAnalysis, ins: Instruction, offset: number): Hover | null {
  if (contains(ins.keyword.range, offset)) return instructionHover(ins);
  for (const flag of ins.flags) if (contains(flag.range, offset)) return flagHover(analysis, ins, flag, offset);
  if (ins.healthcheckType && contains(ins.healthcheckType.range, offset)) {
    const type = ins.healthcheckType.value.toUpperCase();
    const form = INSTRUCTION_DOCS.HEALTHCHECK!.forms.find((f) => f.label.includes(type));
    if (form) return markdown(`**HEALTHCHECK ${type}**\n\n${form.parameters[form.parameters.length - 1]!.documentation}`, ins.healthcheckType.range);
  }
  if (ins.name === "FROM") {
    const stage = analysis.model.stages.find((s) => s.from === ins);
    if (stage?.baseRange && contains(stage.baseRange, offset)) return baseHover(stage, analysis.model);
    if (stage?.nameRange && contains(stage.nameRange, offset)) return markdown(stageText(stage, analysis.model), stage.nameRange);
  }
  return null;
}

function instructionHover(ins: Instruction): Hover | null {
  const doc = INSTRUCTION_DOCS[ins.name];
  if (!doc) return null;
  const forms = doc.forms.map((f) => "    " + f.label).join("\n");
  const deprecated = doc.deprecated ? " (deprecated)" : "";
  return markdown(`**${ins.name}**${deprecated}: ${doc.summary}\n\n${doc.details}\n\n${forms}\n\n[Reference](${instructionUrl(ins.name)})`, ins.keyword.range);
}

function flagHover(analysis: DocumentAnalysis, ins: Instruction, flag: Flag, offset: number): Hover | null {
  const doc = FLAG_DOCS[ins.name]?.[flag.name];
  const model = analysis.model;
  const inValue = flag.valueRange !== null && contains(flag.valueRange, offset) && offset > flag.valueRange.start.offset - 1;
  if (inValue && flag.value !== null && flag.valueRange) {
    const written = analysis.text.slice(flag.valueRange.start.offset, flag.valueRange.end.offset);
    if (flag.name === "mount" && written === flag.value) {
      const hit = mountHover(analysis, model, flag, offset - flag.valueRange.start.offset);
      if (hit) return hit;
    }
    if (flag.name === "from" && (ins.name === "COPY" || ins.name === "ADD")) {
      const edge = model.edgeAt(flag);
      if (edge) return markdown(stageText(edge.to, model), flag.valueRange);
      const parsed = parseImageReference(flag.value);
      if (parsed.ok) return markdown(imageText(parsed.reference, flag.value, null), flag.valueRange);
    }
    const value = doc?.values?.find((v) => v.value === flag.value);
    if (value) return markdown(`${code(value.value)}: ${value.documentation}`, flag.valueRange);
    if (ins.name === "FROM" && flag.name === "platform") {
      const stage = model.stages.find((s) => s.from === ins);
      if (stage?.platform?.value && stage.platform.value !== flag.value) return markdown(`Expands to ${code(stage.platform.value)} here.`, flag.valueRange);
    }
  }
  if (!doc) return null;
  const since = doc.since ? ` (${doc.since})` : "";
  const values = doc.values ? "\n\n" + doc.values.map((v) => `- ${code(v.value)}: ${v.documentation}`).join("\n") : "";
  return markdown(`**--${flag.name}** (${ins.name})${since}: ${doc.summary}${values}`, flag.nameRange);
}

function mountHover(analysis: DocumentAnalysis, model: Model, flag: Flag, at: number): Hover | null {
  const base = flag.valueRange!.start.offset;
  for (const field of readMountFields(flag.value!)) {
    if (at < field.start || at > field.end) continue;
    const range = analysis.index.range(base + field.start, base + field.end);
    const option = mountOption(field.key);
    if (!option) return null;
    if (option.name === "type" && field.value) {
      const type = MOUNT_TYPE_DOCS.find((t) => t.value === field.value!.toLowerCase());
      if (type) return markdown(`**type=${type.value}**: ${type.documentation}`, range);
    }
    if (option.name === "from" && field.value) {
      const stage = /^\d+$/.test(field.value) ? model.stages[Number(field.value)] : model.stagesByName.get(field.value.toLowerCase());
      if (stage) return markdown(stageText(stage, model), range);
    }
    const value = option.doc.values?.find((v) => v.value === field.value);
    const aliases = option.doc.aliases?.length ? ` (also ${option.doc.aliases.join(", ")})` : "";
    const extra = value ? `\n\n${code(value.value)}: ${value.documentation}` : "";
    return markdown(`**${option.name}**${aliases}, a --mount option for ${option.doc.types.join(", ")} mounts: ${option.doc.summary}${extra}`, range);
  }
  return null;
}

function baseHover(stage: Stage, model: Model): Hover | null {
  const range = stage.baseRange!;
  const base = stage.base;
  const written = stage.from.args[0]?.kind === "word" ? stage.from.args[0].value : stage.baseText;
  if (base.kind === "scratch") return markdown("`scratch`: the empty image; the stage starts with no files at all.", range);
  if (base.kind === "stage") return markdown(stageText(base.stage, model), range);
  if (!base.reference) return markdown(`${code(base.text || written)} is not a valid image reference: ${base.error ?? "invalid reference format"}.`, range);
  return markdown(imageText(base.reference, written, base.text), range);
}

function imageText(ref: ImageReference, written: string, expanded: string | null): string {
  const rows = [
    ["registry", ref.registry ?? `${ref.domain} (implicit)`],
    ["repository", ref.repository],
    ["tag", ref.tag ?? (ref.digest ? "—" : "latest (implicit)")],
    ["digest", ref.digest ?? "—"],
  ];
  const lines = [`**Image** ${code(ref.familiar + (ref.tag ? ":" + ref.tag : "") + (ref.digest ? "@" + ref.digest : ""))}`];
  if (expanded !== null && expanded !== written) lines.push(`Written ${code(written)}, which expands to ${code(expanded)}.`);
  lines.push("| | |\n|---|---|\n" + rows.map(([k, v]) => `| ${k} | ${v} |`).join("\n"));
  lines.push(`Pulls ${code(ref.normalized)}.`);
  return lines.join("\n\n");
}

function stageText(stage: Stage, model: Model): string {
  const name = stage.nameAsWritten ? `${code(stage.nameAsWritten)} (stage ${stage.index})` : `stage ${stage.index}`;
  const base = stage.base.kind === "stage" ? `stage ${code(stage.base.stage.nameAsWritten ?? String(stage.base.stage.index))}` : stage.base.kind === "scratch" ? "`scratch`" : code(stage.baseText);
  const users = model.edges.filter((e) => e.to === stage).map((e) => e.instruction.range.start.line + 1);
  const lines = [`**Stage** ${name}, line ${stage.from.range.start.line + 1}: built on ${base}, ${stage.instructions.length} instruction${stage.instructions.length === 1 ? "" : "s"}.`];
  if (users.length) lines.push(`Used on line${users.length === 1 ? "" : "s"} ${users.join(", ")}.`);
  if (model.target === stage) lines.push("This is the stage that is built (the target).");
  else if (model.unreachableStages.includes(stage)) lines.push("The target does not need this stage, so BuildKit skips it.");
  return lines.join("\n\n");
}
