import { defineRule } from "../rule.js";

// The inline form only, as suppress.ts reads it: `# hadolint ignore=...` (or `# dflint ignore=...`),
// which binds to the next line. hadolint's DL1001 leaves `global ignore=` alone.
const INLINE = /^#\s*(?:hadolint|dflint)\s+ignore\s*=/;

export default defineRule({
  code: "DL1001",
  name: "inline-ignore-pragma",
  level: "ignore",
  source: "hadolint",
  docs: {
    summary: "Do not silence findings with inline ignore pragmas (off by default).",
    rationale:
      "A team that wants every exception in one reviewed place (the `ignored` list of the configuration) can turn this on to catch `# hadolint ignore=` comments scattered through Dockerfiles; `disable-ignore-pragma` goes further and makes them do nothing.",
    bad: "FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl",
    good: "FROM debian:12\n# curl for the health check\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5",
  },
  fix: null, // deleting the pragma brings its findings back; which way to go is the author's call
  check({ tree, report }) {
    // Pragmas are whole comment lines between instructions; a comment inside a continued
    // instruction is no pragma to hadolint or to suppress.ts.
    for (const node of tree.children) {
      if (node.kind !== "comment") continue;
      const text = node.text.trimEnd();
      if (!INLINE.test(text)) continue;
      report({ range: node.range, message: `Inline pragma '${text}' silences findings; list exceptions in the configuration instead.` });
    }
  },
});
