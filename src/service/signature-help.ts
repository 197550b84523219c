// Signature help: the forms of the instruction being written, the one in use first, with the
// parameter under the cursor.
import type { Position, SignatureHelp, SignatureInformation } from "vscode-languageserver-types";
import type { DocumentAnalysis } from "./analysis.js";
import { INSTRUCTION_DOCS, type InstructionForm } from "./instruction-docs.js";
import { innermostInstructionAt, offsetOf } from "./locate.js";
import { logicalPrefix } from "./logical-prefix.js";

export const SIGNATURE_TRIGGERS = [" ", "-", "[", ",", "=", ":", "/", "@"];

/** Signature help at a position, or null outside an instruction's arguments. */
export function signatureHelp(analysis: DocumentAnalysis, position: Position): SignatureHelp | null {
  const offset = offsetOf(analysis, position);
  if (offset === null) return null;
  const ins = innermostInstructionAt(analysis.tree, offset);
  if (!ins || offset <= ins.keyword.range.end.offset) return null;
  const doc = INSTRUCTION_DOCS[ins.name];
  if (!doc) return null;
  const prefix = logicalPrefix(analysis.text, ins.keyword.range.end.offset, offset, analysis.tree.escape);
  if (!/^\s/.test(prefix.text)) return null; // still typing the keyword
  const words = prefix.words.map((w) => w.text);
  const current = prefix.isAfterSpace ? "" : (words.pop() ?? "");
  const args = words.filter((w) => !w.startsWith("--"));
  // The form is the whole instruction's, not only what precedes the cursor.
  const whole = logicalPrefix(analysis.text, ins.keyword.range.end.offset, Math.max(offset, ins.range.end.offset), analysis.tree.escape);
  const form = chooseForm(ins.name, doc.forms, whole.words.filter((w) => !w.text.startsWith("--")).map((w) => w.text).join(" "));
  const signatures = doc.forms.map(signature);
  const parameters = doc.forms[form]!.parameters;
  return { signatures, activeSignature: form, activeParameter: activeParameter(ins.name, parameters, args, current) };
}

function signature(form: InstructionForm): SignatureInformation {
  return {
    label: form.label,
    ...(form.documentation ? { documentation: form.documentation } : {}),
    parameters: form.parameters.map((p) => {
      const start = form.label.indexOf(p.label);
      return { label: [start, start + p.label.length] as [number, number], documentation: p.documentation };
    }),
  };
}

function chooseForm(name: string, forms: readonly InstructionForm[], written: string): number {
  const text = written.trim();
  if (name === "FROM") return /@/.test(text.split(/\s/)[0] ?? "") ? 2 : /:/.test(text.split(/\s/)[0] ?? "") ? 1 : 0;
  if (name === "HEALTHCHECK") return /^NONE\b/i.test(text) ? 1 : 0;
  const json = forms.findIndex((f) => f.isJson);
  if (json >= 0 && text.startsWith("[")) return json;
  const other = forms.findIndex((f) => !f.isJson);
  return other >= 0 ? other : 0;
}

function activeParameter(name: string, parameters: InstructionForm["parameters"], args: string[], current: string): number {
  const options = parameters.findIndex((p) => p.label.includes("OPTIONS") || p.label.includes("--"));
  if (current.startsWith("-") && args.length === 0 && options >= 0) return options;
  const positional = parameters.map((_, i) => i).filter((i) => i !== options);
  const last = positional[positional.length - 1] ?? 0;
  const word = current || "";
  switch (name) {
    case "ARG":
    case "ENV":
    case "LABEL":
      return positional[word.includes("=") ? 1 : 0] ?? last;
    case "EXPOSE":
      return positional[word.includes("/") ? 1 : 0] ?? last;
    case "USER":
      return positional[word.includes(":") ? 1 : 0] ?? last;
    case "COPY":
    case "ADD":
      // Any argument may be the destination until the last one is written.
      return positional[args.length === 0 ? 0 : 1] ?? last;
  }
  return positional[Math.min(args.length, positional.length - 1)] ?? last;
}
