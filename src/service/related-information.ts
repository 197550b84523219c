// The other places a finding is about: the earlier stage of a duplicate name, the instruction a
// repeated CMD makes ineffective, the first of two directives or flags, the declarations of a name
// used where it is not visible. The rules report one range; the editor can show the rest.
import type { DiagnosticRelatedInformation } from "vscode-languageserver-types";
import type { Finding } from "../lint/engine.js";
import type { Model, Stage } from "../model/model.js";
import type { Instruction, Range } from "../syntax/tree.js";
import { contains, innermostInstructionAt, lspRange } from "./locate.js";

type Related = Array<{ range: Range; message: string }>;

// Rules that report the later of two instructions where only one takes effect per stage.
const REPEATED: Record<string, string> = { DL4003: "CMD", DL4004: "ENTRYPOINT", DL3012: "HEALTHCHECK", DF208: "" };
const HAS_RELATED = new Set(["DL3024", "DF010", "DF004", "DL3023", "DF205", "DF207", ...Object.keys(REPEATED)]);

/** Related locations for a finding, in the same document; the model is made only for the rules that have some. */
export function relatedInformation(finding: Finding, model: () => Model, uri: string): DiagnosticRelatedInformation[] {
  if (!HAS_RELATED.has(finding.code)) return [];
  const related = find(finding, model());
  return related.map((r) => ({ location: { uri, range: lspRange(r.range) }, message: r.message }));
}

function find(finding: Finding, model: Model): Related {
  const at = finding.range.start.offset;
  switch (finding.code) {
    case "DL3024": {
      const stage = model.stages.find((s) => s.nameRange && contains(s.nameRange, at));
      const first = stage ? model.stages.find((s) => s.name === stage.name) : undefined;
      return first && first !== stage && first.nameRange ? [{ range: first.nameRange, message: `The first stage named '${first.nameAsWritten}'.` }] : [];
    }
    case "DF010": {
      const here = model.tree.directives.find((d) => contains(d.range, at));
      const first = here ? model.tree.directives.find((d) => d.name === here.name) : undefined;
      return first && first !== here ? [{ range: first.range, message: `The first ${first.name} directive, which is the one used.` }] : [];
    }
    case "DF004": {
      const ins = innermostInstructionAt(model.tree, at);
      const flag = ins?.flags.find((f) => contains(f.range, at));
      const first = flag ? ins!.flags.find((f) => f.name === flag.name) : undefined;
      return first && first !== flag ? [{ range: first.range, message: `'--${first.name}' is first given here.` }] : [];
    }
    case "DL3023": {
      const ins = innermostInstructionAt(model.tree, at);
      const stage = ins ? model.stageOf(ins) : null;
      return stage ? [{ range: stage.nameRange ?? stage.from.range, message: "The stage this instruction is in." }] : [];
    }
    case "DF205":
    case "DF207":
      return declarationsOfName(finding, model);
  }
  if (finding.code in REPEATED) return repeated(finding, model);
  return [];
}

function repeated(finding: Finding, model: Model): Related {
  const ins = innermostInstructionAt(model.tree, finding.range.start.offset);
  const stage = ins ? model.stageOf(ins) : null;
  if (!ins || !stage) return [];
  const name = REPEATED[finding.code] || ins.name;
  const same = stage.instructions.filter((i) => i.name === name);
  const others = same.filter((i) => i !== ins);
  const last = same[same.length - 1];
  // The finding is on the later instruction (DL4003 ...) or on the ineffective one (BuildKit's check).
  if (last === ins) return others.map((i) => ({ range: i.keyword.range, message: `This ${name} has no effect.` }));
  return last ? [{ range: last.keyword.range, message: `This ${name} is the one that takes effect.` }] : [];
}

function declarationsOfName(finding: Finding, model: Model): Related {
  const at = finding.range.start.offset;
  const ref = model.references.find((r) => contains(r.range, at));
  if (!ref) return [];
  const out: Related = [];
  for (const d of model.declarations) {
    if (d.name !== ref.name || !d.nameRange || !d.instruction) continue;
    out.push({ range: d.nameRange, message: describe(d.kind, d.stage, d.instruction) });
    if (out.length === 3) break;
  }
  return out;
}

function describe(kind: string, stage: Stage | null, ins: Instruction): string {
  if (kind === "global-arg") return `Declared before the first FROM, which makes it visible to FROM lines only; declare it again with ARG inside the stage to use it there.`;
  const where = stage ? (stage.name ? `stage '${stage.nameAsWritten}'` : `stage ${stage.index}`) : "the file";
  return `Declared by ${ins.name} in ${where}, which is not visible here.`;
}
