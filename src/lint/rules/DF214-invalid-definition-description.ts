import type { Instruction, Range } from "../../syntax/tree.js";
import { defineRule, type Report } from "../rule.js";

/** BuildKit's test: the last comment right above the definition starts with one of the names. */
function describes(ins: Instruction, names: string[]): boolean {
  const last = ins.comments[ins.comments.length - 1];
  if (last === undefined) return true; // no comment, nothing to judge
  return names.includes(last.split(" ")[0]!);
}

function finding(kind: string, names: string[], range: Range): Report {
  const example = names.length > 1 ? "<arg_key>" : names[0]!;
  return { range, message: `Comment for ${kind} should follow the format: '# ${example} <description>'.` };
}

export default defineRule({
  code: "DF214",
  name: "invalid-definition-description",
  aliases: ["InvalidDefinitionDescription"],
  level: "warning",
  status: "experimental",
  source: "buildkit",
  docs: {
    summary: "Start the comment above a stage or ARG with its name.",
    rationale:
      "BuildKit shows the comment right above `FROM … AS name` and `ARG name` as its description (`docker buildx build --call=outline,targets`) when it starts with the name; a comment that does not is either not a description or a misspelled one. Separate other comments with an empty `#` line.",
    bad: "# Set the Go version\nARG GO_VERSION=1.22\nFROM golang:${GO_VERSION} AS build",
    good: "# GO_VERSION sets the Go toolchain version\nARG GO_VERSION=1.22\n# build compiles the binary\nFROM golang:${GO_VERSION} AS build",
  },
  fix: null, // the description is the author's to write
  check({ tree, model, report }) {
    // Every top-level ARG (global or in a stage) and every named stage; comments are as BuildKit
    // collects them (a lone `#` line clears them). Stage names are compared lowercased, as BuildKit stores them.
    for (const ins of tree.instructions) {
      if (ins.name !== "ARG") continue;
      const keys = ins.args.filter((a) => a.kind === "key-value");
      if (keys.length === 0 || describes(ins, keys.map((k) => k.key))) continue;
      report(finding("ARG", keys.map((k) => k.key), keys[0]!.keyRange));
    }
    for (const stage of model.stages) {
      if (stage.name === null || stage.nameRange === null || describes(stage.from, [stage.name])) continue;
      report(finding("FROM", [stage.name], stage.nameRange));
    }
  },
});
