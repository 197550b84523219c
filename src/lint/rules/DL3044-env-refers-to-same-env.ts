import type { VariableReference } from "../../model/model.js";
import type { Instruction, KeyValue } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";

export default defineRule({
  code: "DL3044",
  name: "env-refers-to-same-env",
  level: "error",
  source: "hadolint",
  docs: {
    summary: "Do not refer to a variable in the same ENV that defines it.",
    rationale: "All pairs of one ENV are expanded with the values from before the instruction, so `ENV A=1 B=$A` sets B from the old A (empty here), not 1; split it into two ENV instructions.",
    bad: "FROM alpine:3.20\nENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin",
    good: "FROM alpine:3.20\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin",
  },
  fix: null, // splitting the ENV gives B the new value, which is what hadolint suggests but not what is built today
  check({ model, report }) {
    // hadolint: a value that refers to another key of the same ENV which no earlier ENV or ARG defined;
    // a pair's reference to its own key (`PATH=/x:$PATH`) is allowed. "Defined earlier" is read from the
    // model's scope at this ENV (the declarations BuildKit would use), where hadolint keeps one set of
    // names for the whole file: an ARG of another stage, or a global ARG not redeclared in the stage,
    // does not reach this ENV, so a reference to it here is flagged.
    const byInstruction = new Map<Instruction, VariableReference[]>();
    for (const ref of model.references) {
      if (ref.instruction.name !== "ENV") continue;
      const list = byInstruction.get(ref.instruction) ?? [];
      list.push(ref);
      byInstruction.set(ref.instruction, list);
    }
    for (const [ins, refs] of byInstruction) {
      const pairs = ins.args.filter((a): a is KeyValue => a.kind === "key-value");
      if (pairs.length < 2) continue;
      for (const ref of refs) {
        if (ref.declaration) continue;
        const own = pairs.find((p) => p.valueRange && p.valueRange.start.offset <= ref.range.start.offset && ref.range.end.offset <= p.valueRange.end.offset);
        if (!own || own.key === ref.name) continue;
        if (!pairs.some((p) => p !== own && p.key === ref.name)) continue;
        report({ range: ref.range, message: `'${own.key}' refers to '${ref.name}', which this same ENV defines; the value from before the ENV is used, so split it.` });
      }
    }
  },
});
