import { expandWord } from "../../model/expand.js";
import { parseImageReference } from "../../model/image-reference.js";
import type { Word } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";

export default defineRule({
  code: "DF211",
  name: "invalid-default-arg-in-from",
  aliases: ["InvalidDefaultArgInFrom"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Give the ARGs a FROM uses defaults that make a valid image name.",
    rationale:
      "Without --build-arg, FROM expands with the global ARG defaults; an ARG without a default expands to nothing, leaving an empty or broken image name and a failed build.",
    bad: "ARG NODE_VERSION\nFROM node:${NODE_VERSION}\nRUN node --version",
    good: "ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}\nRUN node --version",
  },
  fix: null, // the right default is the author's call
  check({ tree, model, report }) {
    const first = model.stages[0];
    if (!first) return;
    // BuildKit rebuilds the global ARGs as if no build args were given: the predefined platform args,
    // then each ARG with a default expanded in order; an ARG without one stays unset.
    const env = new Map<string, string>();
    for (const [name, decl] of model.scopeAt(first.from).entries()) {
      if (decl.kind === "automatic" && decl.value !== null) env.set(name, decl.value);
    }
    for (const arg of model.globalArgs) {
      if (arg.rawValue === null) continue;
      const r = expandWord(arg.rawValue, env, { escape: tree.escape });
      if (!r.ok) return; // the build fails on this line first; BuildKit gives up the check too
      env.set(arg.name, r.value);
    }
    for (const stage of model.stages) {
      const image = stage.from.args[0] as Word | undefined;
      if (image?.kind !== "word" || stage.baseRange === null || !image.value.includes("$")) continue;
      const r = expandWord(image.value, env, { escape: tree.escape });
      if (!r.ok) return;
      if (r.value !== "" && parseImageReference(r.value).ok) continue;
      report({
        range: stage.baseRange,
        message: `Default value for ARG ${image.value} results in empty or invalid base image name '${r.value}'; give the ARG a default.`,
      });
    }
  },
});
