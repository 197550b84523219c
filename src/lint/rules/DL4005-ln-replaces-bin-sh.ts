import { defineRule } from "../rule.js";
import { invocationsOf, runInstructions } from "./util/shell-commands.js";
import { parseOptions } from "./util/shell-options.js";

// ln's options that take a value.
const LN_OPTIONS = { shortWithValue: "St", longWithValue: ["suffix", "target-directory"] };

export default defineRule({
  code: "DL4005",
  name: "ln-replaces-bin-sh",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Use SHELL to change the shell RUN uses, not `ln -s ... /bin/sh`.",
    rationale:
      "Relinking /bin/sh changes the shell of every script in the image, including the system's own, behind the Dockerfile's back; SHELL changes only what RUN uses, and says so.",
    bad: "FROM debian:12.5\nRUN ln -sf /bin/bash /bin/sh\n",
    good: 'FROM debian:12.5\nSHELL ["/bin/bash", "-c"]\n',
  },
  fix: null, // a SHELL line is not the same change: scripts that call /bin/sh keep the old shell
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocationsOf(context, ins, "ln")) {
        // The link made is the last operand: `ln -s /bin/sh /usr/local/bin/sh` only reads /bin/sh, which hadolint
        // flags all the same.
        const { operands } = parseOptions(inv.args, LN_OPTIONS);
        const target = operands.length >= 2 ? operands[operands.length - 1] : undefined;
        if (target?.value !== "/bin/sh") continue;
        context.report({ range: target.range, message: `'ln' replaces '/bin/sh'; use SHELL to change the shell that RUN uses.` });
      }
    }
  },
});
