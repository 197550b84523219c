// Which Dockerfile line a daemon error belongs to: a parse error names its line; a legacy build
// names its step (`Step 3/5 : RUN ...`, counting every instruction of the file sent); BuildKit names
// its vertex (`[stage 2/3] RUN ...`, counting FROM as 1 within the stage, except FROM scratch).
import type { Model } from "../model/model.js";

/** 1-based line, or null. */
export function lineOfMessage(message: string): number | null {
  const m = /\bline (\d+)\b/i.exec(message) ?? /Dockerfile:(\d+)\b/.exec(message);
  return m ? Number(m[1]) : null;
}

/** The line of legacy step `step` (1-based) in the file that was sent. */
export function lineOfLegacyStep(model: Model, step: number): number | null {
  const ins = model.tree.instructions[step - 1];
  return ins ? ins.range.start.line + 1 : null;
}

/** The line of a BuildKit vertex name such as `[build 2/3] RUN make`. */
export function lineOfVertex(model: Model, vertex: string): number | null {
  const m = /^\[(?:(\S+) )?(\d+)\/(\d+)\]/.exec(vertex);
  if (!m) return null;
  const [, name, index] = m;
  let stage = name ? (model.stagesByName.get(name.toLowerCase()) ?? null) : model.stages.length === 1 ? model.stages[0]! : model.target;
  if (!stage && name) {
    const numbered = /^stage-(\d+)$/.exec(name);
    if (numbered) stage = model.stages[Number(numbered[1])] ?? null;
  }
  if (!stage) return null;
  const i = Number(index);
  // FROM scratch has no vertex of its own: BuildKit numbers the stage's instructions from 1.
  if (stage.base.kind === "scratch") return stage.instructions[i - 1] ? stage.instructions[i - 1]!.range.start.line + 1 : null;
  const ins = i === 1 ? stage.from : stage.instructions[i - 2];
  return ins ? ins.range.start.line + 1 : null;
}
