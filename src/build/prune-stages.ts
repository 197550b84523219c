// The legacy builder builds every stage before the target, needed or not (BuildKit builds only what
// the target needs). The request sent to it replaces each unneeded stage before the target by an
// empty `FROM scratch` stage of the same name, padded to the same number of lines, so stage indexes,
// names and the daemon's line numbers stay those of the user's file.
import type { Model } from "../model/model.js";

/** The Dockerfile text to send to the legacy builder, or null when no stage can be dropped. */
export function pruneStages(model: Model): string | null {
  const target = model.target;
  if (!target) return null;
  const needed = new Set(model.stagesNeededBy(target));
  const text = model.tree.text;
  const dropped = model.stages.filter((s) => s.index < target.index && !needed.has(s));
  if (dropped.length === 0) return null;
  let out = "";
  let at = 0;
  for (const stage of dropped) {
    const start = stage.from.range.start.offset;
    const next = model.stages[stage.index + 1]!; // a dropped stage always comes before the target
    const end = next.from.range.start.offset;
    const lines = (text.slice(start, end).match(/\r\n|\n|\r/g) ?? []).length;
    const name = stage.nameAsWritten ? ` AS ${stage.nameAsWritten}` : "";
    out += text.slice(at, start) + `FROM scratch${name}` + "\n".repeat(Math.max(lines, 1));
    at = end;
  }
  return out + text.slice(at);
}
