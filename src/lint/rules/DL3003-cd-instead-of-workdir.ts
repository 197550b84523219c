import { defineRule } from "../rule.js";
import { invocationsOf, runInstructions } from "./util/shell-commands.js";

export default defineRule({
  code: "DL3003",
  name: "cd-instead-of-workdir",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Use WORKDIR to change directory instead of `cd` in RUN.",
    rationale:
      "A `cd` lasts only until the end of its RUN, so later instructions silently run elsewhere; WORKDIR sets the directory for every later instruction and documents it.",
    bad: "FROM debian:12.5\nRUN cd /usr/src/app && make\n",
    good: "FROM debian:12.5\nWORKDIR /usr/src/app\nRUN make\n",
  },
  fix: null, // moving the rest of the RUN under a WORKDIR changes where every later instruction runs
  check(context) {
    // hadolint does not check ONBUILD RUN for this one.
    for (const ins of runInstructions(context.tree, false)) {
      for (const inv of invocationsOf(context, ins, "cd")) {
        const target = inv.args[0]?.text;
        const what = target === undefined ? "cd" : `cd ${target}`;
        context.report({ range: inv.name.range, message: `'${what}' lasts only for this RUN; use WORKDIR to change directory.` });
      }
    }
  },
});
