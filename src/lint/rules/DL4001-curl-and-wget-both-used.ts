import type { Instruction } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { invocationsOf } from "./util/shell-commands.js";

export default defineRule({
  code: "DL4001",
  name: "curl-and-wget-both-used",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Use either wget or curl in a stage, not both.",
    rationale: "Both tools do the same job; installing and maintaining two of them makes the image larger for nothing.",
    bad: "FROM debian:12.5\nRUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q -O /tmp/b.tgz https://example.com/b.tgz\n",
    good: "FROM debian:12.5\nRUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz\nRUN curl -fsSL -o /tmp/b.tgz https://example.com/b.tgz\n",
  },
  fix: null, // rewriting one tool's options into the other's is not mechanical
  check(context) {
    const { model, tree } = context;
    // As hadolint: the tools seen so far in the stage; the RUN that brings in the second tool, and every later RUN
    // that uses either, is flagged. ONBUILD triggers run together in a downstream build: they count apart.
    const groups: Instruction[][] = model.stages.map((s) => s.instructions);
    groups.push(tree.instructions.filter((ins) => model.stageOf(ins) === null)); // before the first FROM
    for (const group of groups) {
      for (const onbuild of [false, true]) {
        const seen = new Map<string, Instruction>();
        for (const ins of group) {
          if (onbuild ? !(ins.name === "ONBUILD" && ins.trigger?.name === "RUN") : ins.name !== "RUN") continue;
          const used = invocationsOf(context, ins, "curl", "wget");
          if (used.length === 0) continue;
          for (const inv of used) if (!seen.has(inv.program)) seen.set(inv.program, ins);
          if (seen.size < 2) continue;
          const first = used[0]!;
          const other = first.program === "curl" ? "wget" : "curl";
          const where = seen.get(other) === ins ? "in this RUN too" : `on line ${seen.get(other)!.range.start.line + 1}`;
          context.report({ range: first.name.range, message: `'${first.program}' is used here and '${other}' ${where}; use only one of them.` });
        }
      }
    }
  },
});
