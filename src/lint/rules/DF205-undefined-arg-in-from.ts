import { defineRule } from "../rule.js";
import { suggestName } from "./util/buildkit-suggest.js";

// Platform args newer BuildKit also predefines for FROM; the model does not list them, and a FROM that
// uses them is not wrong.
const ALSO_PREDEFINED = ["BUILDOSVERSION", "TARGETOSVERSION", "TARGETSTAGE"];

export default defineRule({
  code: "DF205",
  name: "undefined-arg-in-from",
  aliases: ["UndefinedArgInFrom"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Declare every ARG that FROM uses before the first FROM.",
    rationale:
      "FROM sees only the ARGs declared before the first FROM and BuildKit's platform args; any other variable expands to an empty string, so the image is not the one meant.",
    bad: "FROM node:${NODE_VERSION}-alpine\nRUN node --version",
    good: "ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\nRUN node --version",
  },
  fix: null, // declaring the ARG needs a default only the author knows
  check({ model, report }) {
    for (const stage of model.stages) {
      const reported = new Set<string>();
      let options: string[] | null = null;
      for (const ref of model.references) {
        if (ref.instruction !== stage.from || ref.declaration !== null) continue;
        if (ALSO_PREDEFINED.includes(ref.name) || reported.has(ref.name)) continue;
        reported.add(ref.name);
        // BuildKit suggests among the global ARGs and the predefined args, case-sensitively.
        options ??= [...model.scopeAt(stage.from).entries().map(([name]) => name), ...ALSO_PREDEFINED];
        const suggestion = suggestName(ref.name, options, true);
        report({
          range: ref.range,
          message: `FROM argument '${ref.name}' is not declared${suggestion ? ` (did you mean ${suggestion}?)` : ""}; declare it with ARG before the first FROM.`,
        });
      }
    }
  },
});
