// `$NAME` in shell code: RUN, CMD, ENTRYPOINT and HEALTHCHECK in shell form, and the heredoc
// bodies RUN feeds to the shell. BuildKit leaves these to the shell at run time, so the model does
// not list them; the shell sees the stage's ARG and ENV values, which is what they resolve to here.
import type { Declaration, Model } from "../model/model.js";
import { findVariableReferences } from "../model/variable-references.js";
import type { LineIndex } from "../syntax/line-index.js";
import type { Instruction, Range } from "../syntax/tree.js";
import { sourceOffset, valueRuns } from "../syntax/value-offsets.js";

export interface ShellReference {
  name: string;
  range: Range;
  nameRange: Range;
  instruction: Instruction;
  declaration: Declaration | null;
}

const SHELL_INSTRUCTIONS = new Set(["RUN", "CMD", "ENTRYPOINT", "HEALTHCHECK"]);

/** The shell's variable references in one instruction (its ONBUILD trigger's included), in order. */
export function shellReferences(ins: Instruction, model: Model, index: LineIndex): ShellReference[] {
  const out: ShellReference[] = [];
  collect(ins, ins, model, index, out);
  return out;
}

function collect(ins: Instruction, scopeOf: Instruction, model: Model, index: LineIndex, out: ShellReference[]): void {
  if (ins.trigger) return collect(ins.trigger, scopeOf, model, index, out);
  if (!SHELL_INSTRUCTIONS.has(ins.name)) return;
  const scope = model.scopeAt(scopeOf);
  const add = (name: string, start: number, end: number, nameStart: number, nameEnd: number) => {
    out.push({ name, range: index.range(start, end), nameRange: index.range(nameStart, nameEnd), instruction: ins, declaration: scope.get(name) ?? null });
  };
  for (const arg of ins.args) {
    if (arg.kind !== "shell-command") continue;
    const runs = valueRuns(arg);
    const text = runs.map(([, s, n]) => model.tree.text.slice(s, s + n)).join("");
    if (!text.includes("$")) continue;
    for (const r of findVariableReferences(text, { escape: "\\", quotes: true })) {
      add(r.name, sourceOffset(runs, r.start), sourceOffset(runs, r.end, true), sourceOffset(runs, r.nameStart), sourceOffset(runs, r.nameEnd, true));
    }
  }
  if (ins.name !== "RUN") return;
  const command = ins.args.find((a) => a.kind === "shell-command")?.value.trim() ?? "";
  for (const h of ins.heredocs) {
    // `RUN <<EOF` runs the body as the script, where the shell's quoting applies; a body fed to a
    // command (`cat <<EOF`) is expanded by the shell as a whole, quotes and all, unless its
    // delimiter is quoted.
    const isScript = ins.heredocs.length === 1 && /^<<-?\S+$/.test(command);
    if (!isScript && !h.expand) continue;
    const base = h.bodyRange.start.offset;
    for (const r of findVariableReferences(h.content, { escape: "\\", quotes: isScript })) {
      add(r.name, base + r.start, base + r.end, base + r.nameStart, base + r.nameEnd);
    }
  }
}

/** Every shell reference in the document. */
export function allShellReferences(model: Model, index: LineIndex): ShellReference[] {
  const out: ShellReference[] = [];
  for (const ins of model.tree.instructions) collect(ins, ins, model, index, out);
  return out;
}
