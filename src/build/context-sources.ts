// What a build target reads from its context, from the model alone: the sources of COPY and ADD
// (without --from, remote URLs left out) and the bind mounts of RUN without `from`, in every stage
// the target needs, ONBUILD triggers of in-file parent stages included. Each source is expanded with
// the ARG/ENV values the model knows; anything it cannot decide is a reason to send everything.
import { cleanPath } from "../model/dockerignore.js";
import { expandWord } from "../model/expand.js";
import type { Model } from "../model/model.js";
import { findVariableReferences } from "../model/variable-references.js";
import { readMountFields } from "../syntax/mount-options.js";
import type { Instruction, Word } from "../syntax/tree.js";

// ADD sources fetched by the daemon, not read from the context.
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@)/i;

export type ContextSources =
  /** `/`-separated patterns relative to the context (Go filepath.Match wildcards); "." is the whole context. */
  | { ok: true; patterns: string[] }
  /** Why the sources cannot be known without building. */
  | { ok: false; reason: string };

function sourceWords(ins: Instruction): string[] {
  const array = ins.args[0];
  if (ins.form === "json" && array?.kind === "json-array") return array.elements.slice(0, -1).map((e) => e.value);
  // A heredoc source (`COPY <<EOF /x`) is written by the Dockerfile, not read from the context.
  const isHeredoc = (w: Word) => ins.heredocs.some((h) => h.markerRange.start.offset < w.range.end.offset && w.range.start.offset < h.markerRange.end.offset);
  return ins.args
    .filter((a): a is Word => a.kind === "word")
    .slice(0, -1)
    .filter((w) => !isHeredoc(w))
    .map((w) => w.value);
}

type Expanded = { ok: true; value: string } | { ok: false; reason: string };

function expand(model: Model, ins: Instruction, word: string, isJson: boolean): Expanded {
  const escape = model.tree.escape;
  const scope = model.scopeAt(ins);
  const values = new Map<string, string>();
  if (word.includes("$")) {
    for (const ref of findVariableReferences(word, { escape, quotes: !isJson })) {
      const value = scope.get(ref.name)?.value ?? null;
      if (value === null) return { ok: false, reason: `${ins.name} on line ${ins.range.start.line + 1} reads '${word}', and the value of $${ref.name} is not known before the build` };
      values.set(ref.name, value);
    }
  }
  const r = expandWord(word, values, { escape });
  return r.ok ? r : { ok: false, reason: `${ins.name} on line ${ins.range.start.line + 1}: cannot expand '${word}' (${r.error})` };
}

// A source as the daemon resolves it: relative to the context root, a leading `/` meaning the root.
const relative = (path: string) => cleanPath("/" + path).slice(1) || ".";

/** The context paths a target reads, or why they cannot be known. */
export function contextSources(model: Model): ContextSources {
  if (model.tree.directives.some((d) => d.name === "syntax")) {
    return { ok: false, reason: "the Dockerfile names its frontend with '# syntax=', which may read anything from the context" };
  }
  if (!model.target) return { ok: false, reason: "the Dockerfile has no stage to build" };
  const patterns = new Set<string>();
  for (const stage of model.stagesNeededBy(model.target)) {
    // ONBUILD triggers of a parent stage run at the start of this one.
    const triggers = (stage.parent?.onbuild ?? []).map((o) => o.trigger).filter((t): t is Instruction => t !== null);
    for (const ins of [...triggers, ...stage.instructions]) {
      if (ins.name === "COPY" || ins.name === "ADD") {
        if (ins.flags.some((f) => f.name.toLowerCase() === "from")) continue; // another stage or an image
        for (const word of sourceWords(ins)) {
          const r = expand(model, ins, word, ins.form === "json");
          if (!r.ok) return r;
          if (ins.name === "ADD" && REMOTE.test(r.value)) continue;
          patterns.add(relative(r.value));
        }
      } else if (ins.name === "RUN") {
        for (const flag of ins.flags) {
          if (flag.name.toLowerCase() !== "mount" || flag.value === null) continue;
          const r = expand(model, ins, flag.value, true);
          if (!r.ok) return r;
          let type = "bind";
          let source = ".";
          let hasFrom = false;
          for (const f of readMountFields(r.value)) {
            if (f.key === "type" && f.value !== null) type = f.value.toLowerCase();
            else if ((f.key === "source" || f.key === "src") && f.value !== null) source = f.value;
            else if (f.key === "from") hasFrom = true;
          }
          if (type === "bind" && !hasFrom) patterns.add(relative(source));
        }
      }
    }
  }
  return { ok: true, patterns: [...patterns] };
}
