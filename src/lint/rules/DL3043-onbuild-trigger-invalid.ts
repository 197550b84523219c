import { defineRule } from "../rule.js";

// BuildKit refuses these triggers while it reads the instructions (chaining ONBUILD, and FROM or
// MAINTAINER as a trigger), before anything is built.
const NOT_TRIGGERS = new Set(["ONBUILD", "FROM", "MAINTAINER"]);

export default defineRule({
  code: "DL3043",
  name: "onbuild-trigger-invalid",
  level: "error",
  source: "hadolint",
  docs: {
    summary: "ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.",
    rationale: "BuildKit refuses ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER when it reads the file, so the build fails before any step runs.",
    bad: "FROM node:22-alpine\nONBUILD FROM node:22-alpine",
    good: "FROM node:22-alpine\nONBUILD COPY package.json /app/",
  },
  fix: null, // what the trigger was meant to do is the author's call
  check({ tree, report }) {
    for (const ins of tree.instructions) {
      const trigger = ins.name === "ONBUILD" ? ins.trigger : null;
      if (!trigger || !NOT_TRIGGERS.has(trigger.name)) continue;
      report({ range: trigger.keyword.range, message: `ONBUILD ${trigger.keyword.text} is not allowed; ${trigger.name} cannot be an ONBUILD trigger.` });
    }
  },
});
