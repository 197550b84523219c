// The key=value pairs of every LABEL, with keys and values as BuildKit stores them: quotes removed
// and variables expanded. hadolint compares the text as written (so `version=$VERSION` is "not
// semver" to it); dflint expands what the model knows and leaves a value it cannot know unjudged.
import type { Model, VariableReference } from "../../../model/model.js";
import { expandWord } from "../../../model/expand.js";
import type { Dockerfile, Instruction, KeyValue, Range } from "../../../syntax/tree.js";
import type { RuleContext } from "../../rule.js";
import { LintMemo } from "./lint-memo.js";

export interface LabelPair {
  instruction: Instruction;
  pair: KeyValue;
  /** The key after expansion; null when it uses a variable whose value is unknown. */
  key: string | null;
  /** The value after expansion (`""` for a bare key); null when it uses a variable whose value is unknown. */
  value: string | null;
  /** The value as written; the pair itself when it has none, so that an empty `x=` still has a visible range. */
  valueRange: Range;
}

// Several label rules ask: one list per lint, keyed by its model.
const byModel = new LintMemo<Model, LabelPair[]>();

const within = (r: Range, outer: Range) => r.start.offset >= outer.start.offset && r.end.offset <= outer.end.offset;

// A reference is known when the model knows its value, or knows that nothing defines it (it expands empty).
const isKnown = (ref: VariableReference) => (ref.declaration ? ref.declaration.value !== null : ref.isCertainlyUndefined);

function expand(text: string, range: Range, refs: VariableReference[], env: Map<string, string>, escape: Dockerfile["escape"]): string | null {
  const inside = refs.filter((r) => within(r.range, range));
  if (!inside.every(isKnown)) return null;
  const r = expandWord(text, env, { escape });
  return r.ok ? r.value : null;
}

function collect(tree: Dockerfile, model: Model): LabelPair[] {
  const refsOf = new Map<Instruction, VariableReference[]>();
  for (const ref of model.references) {
    const list = refsOf.get(ref.instruction);
    if (list) list.push(ref);
    else refsOf.set(ref.instruction, [ref]);
  }
  const out: LabelPair[] = [];
  // ONBUILD LABEL runs in a child build, with that build's variables; hadolint's label rules skip it too.
  for (const ins of tree.instructions) {
    if (ins.name !== "LABEL") continue;
    const refs = refsOf.get(ins) ?? [];
    const env = new Map<string, string>();
    for (const [name, d] of model.scopeAt(ins).entries()) if (d.value !== null) env.set(name, d.value);
    for (const pair of ins.args) {
      if (pair.kind !== "key-value") continue;
      const key = expand(pair.key, pair.keyRange, refs, env, tree.escape);
      const value = pair.value === null || pair.valueRange === null ? "" : expand(pair.value, pair.valueRange, refs, env, tree.escape);
      const valueRange = pair.valueRange && pair.valueRange.end.offset > pair.valueRange.start.offset ? pair.valueRange : pair.range;
      out.push({ instruction: ins, pair, key, value, valueRange });
    }
  }
  return out;
}

/** Every LABEL pair of the file (ONBUILD triggers excluded), in source order. */
export function labelPairs(context: Pick<RuleContext, "tree" | "model">): LabelPair[] {
  return byModel.get(context.model, context.model, () => collect(context.tree, context.model));
}
