import { defineRule } from "../rule.js";
import { invocationsOf, runInstructions } from "./util/shell-commands.js";

export default defineRule({
  code: "DL3004",
  name: "sudo-in-run",
  level: "error",
  source: "hadolint",
  docs: {
    summary: "Do not use `sudo` in RUN; switch users with USER.",
    rationale:
      "sudo needs a terminal and configuration that images rarely have, behaves unpredictably without a TTY, and hides which user a step runs as; USER states it for the instructions that follow.",
    bad: "FROM debian:12.5\nUSER app\nRUN sudo apt-get update\n",
    good: "FROM debian:12.5\nUSER root\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nUSER app\n",
  },
  fix: null, // the USER lines around the step are the author's to place
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocationsOf(context, ins, "sudo")) {
        context.report({ range: inv.name.range, message: `'sudo' in RUN: switch to the user you need with USER instead.` });
      }
    }
  },
});
