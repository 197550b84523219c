import type { Stage } from "../../model/model.js";
import { resolveWorkdir } from "../../model/stage-settings.js";
import type { Instruction, Word } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { unquote } from "./util/instructions-operands.js";

// hadolint: a WORKDIR path (quotes dropped) is absolute when it starts with `/`, is a variable (`$`),
// or has a Windows drive (`C:`). ONBUILD WORKDIR is not checked, as in hadolint.
const isAbsolute = (path: string) => path.startsWith("/") || path.startsWith("$") || /^[A-Za-z]:/.test(path);
// Paths the fix can write back as they are: no variables, quotes, escapes or spaces.
const isPlain = (path: string) => /^[A-Za-z0-9_./@%+=,:~-]+$/.test(path);

export default defineRule({
  code: "DL3000",
  name: "workdir-not-absolute",
  level: "error",
  source: "hadolint",
  docs: {
    summary: "Use an absolute WORKDIR.",
    rationale:
      "A relative WORKDIR is joined to whatever the working directory was, often the base image's, which the Dockerfile does not show; an absolute path says where files go. BuildKit's WorkdirRelativePath (DF206) flags the first relative WORKDIR too; it is reported once, as DL3000, and ignoring either code silences it.",
    bad: "FROM alpine:3.20\nWORKDIR app",
    good: "FROM alpine:3.20\nWORKDIR /app",
  },
  fix: { safety: "safe", why: "The absolute path is the one BuildKit resolves the relative one to; it is offered only when the earlier working directory is known (set by a plain absolute WORKDIR in the stage, or / for scratch).", changes: "workdir-absolute" },
  check({ tree, model, report }) {
    for (const ins of tree.instructions) {
      if (ins.name !== "WORKDIR") continue;
      const word = ins.args[0];
      if (word?.kind !== "word") continue;
      const path = unquote(word.value);
      if (path === "" || isAbsolute(path)) continue;
      const resolved = isPlain(path) ? absoluteWorkdir(model.stageOf(ins), ins, path) : null;
      report({
        range: word.range,
        message: resolved ? `WORKDIR '${path}' is relative; write it as '${resolved}'.` : `WORKDIR '${path}' is relative; use an absolute path.`,
        edits: resolved ? [{ start: word.range.start.offset, end: word.range.end.offset, text: resolved }] : undefined,
      });
    }
  },
});

// The directory a relative WORKDIR resolves to, when the Dockerfile alone decides it: the earlier plain
// WORKDIRs of the stage back to an absolute one, or `/` on scratch. An image's own WORKDIR is unknown.
function absoluteWorkdir(stage: Stage | null, ins: Instruction, path: string): string | null {
  if (!stage) return null;
  const at = stage.instructions.indexOf(ins);
  const chain: string[] = [path];
  let base: string | null = null;
  for (let i = at - 1; i >= 0 && base === null; i--) {
    const earlier = stage.instructions[i]!;
    if (earlier.name !== "WORKDIR") continue;
    const w = earlier.args[0] as Word | undefined;
    if (w?.kind !== "word") return null;
    const p = unquote(w.value);
    if (!isPlain(p) || /^[A-Za-z]:/.test(p)) return null;
    if (p.startsWith("/")) base = p;
    else chain.unshift(p);
  }
  if (base === null) {
    if (stage.parent || stage.base.kind !== "scratch") return null;
    base = "/";
  }
  let dir = resolveWorkdir(null, base);
  for (const p of chain) dir = resolveWorkdir(dir, p);
  return dir;
}
