import { defineRule } from "../rule.js";
import { invocations, runInstructions } from "./util/shell-commands.js";

// hadolint's list. Its message also names ifconfig, which its code does not look for; neither does this.
const POINTLESS = new Set(["free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim"]);

export default defineRule({
  code: "DL3001",
  name: "pointless-command",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Do not run interactive or system-management commands such as `ssh`, `vim`, `service` or `ps` in RUN.",
    rationale:
      "A RUN step has no terminal, no init system and no running services: editors and process viewers cannot be used there, and starting or killing a service only affects the throwaway build container.",
    bad: "FROM debian:12.5\nRUN service nginx start\n",
    good: "FROM debian:12.5\nRUN apt-get update && apt-get install -y --no-install-recommends nginx=1.22.1-9 && rm -rf /var/lib/apt/lists/*\n",
  },
  fix: null, // what the author wanted from the command is theirs to say
  check(context) {
    // hadolint checks ONBUILD RUN too.
    for (const ins of runInstructions(context.tree, true)) {
      for (const inv of invocations(context, ins)) {
        if (!POINTLESS.has(inv.program)) continue;
        context.report({ range: inv.name.range, message: `'${inv.program}' has no use in a build step, which has no terminal, services or processes to manage.` });
      }
    }
  },
});
