import { defineRule } from "../rule.js";
import { expandKnown } from "./util/buildkit-support.js";

// BuildKit's lists: a key is suspect when one of its `_`-separated parts (any case) names a secret,
// unless another part says it is public, a file, or a version (`SSH_KEY_FILE`, `PUBLIC_KEY`).
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export default defineRule({
  code: "DF210",
  name: "secrets-used-in-arg-or-env",
  aliases: ["SecretsUsedInArgOrEnv"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Do not pass secrets through ARG or ENV.",
    rationale:
      "ARG and ENV values are stored in the image's history and config, where anyone with the image can read them; use a secret mount (`RUN --mount=type=secret`) instead.",
    bad: "FROM alpine:3.20\nARG GITHUB_TOKEN\nRUN echo building",
    good: "FROM alpine:3.20\nRUN --mount=type=secret,id=github_token echo building",
  },
  fix: null, // moving a secret to a mount changes how the build is invoked
  check({ tree, model, report }) {
    // BuildKit checks the ARGs and ENVs it dispatches: stage instructions, not global ARGs or triggers.
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if (ins.name !== "ARG" && ins.name !== "ENV") continue;
        for (const kv of ins.args) {
          if (kv.kind !== "key-value") continue;
          // ENV keys are expanded before the check; ARG keys are taken as written.
          const key = ins.name === "ENV" && kv.key.includes("$") ? (expandKnown(model, ins, kv.key, tree.escape) ?? kv.key) : kv.key;
          if (!SECRET.test(key) || ALLOWED.test(key)) continue;
          report({ range: kv.keyRange, message: `Do not use ARG or ENV instructions for sensitive data (${ins.name} "${key}"); use a secret mount.` });
        }
      }
    }
  },
});
