import { defineRule } from "../rule.js";
import { exposedWords, splitPortSpec } from "./util/buildkit-expose.js";

export default defineRule({
  code: "DF215",
  name: "expose-proto-casing",
  aliases: ["ExposeProtoCasing"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Write EXPOSE protocols in lower case.",
    rationale: "`tcp`, `udp` and `sctp` are matched without regard to case, but images and tools list them in lower case; `80/TCP` reads as something else.",
    bad: "FROM nginx:1.27\nEXPOSE 80/TCP",
    good: "FROM nginx:1.27\nEXPOSE 80/tcp",
  },
  fix: { safety: "safe", why: "BuildKit lowercases the protocol when it records the port; the image is the same.", changes: "letter-case" },
  check({ text, tree, model, report }) {
    for (const { word, ports } of exposedWords(text, tree, model)) {
      for (const port of ports) {
        const spec = splitPortSpec(port.text);
        if (!spec || spec.protocol === spec.protocol.toLowerCase()) continue;
        const lower = spec.protocol.toLowerCase();
        const at = port.protocolSpan; // known only when the word is written out without variables or quotes
        report({
          range: at ? at.range : word.range,
          message: `Defined protocol '${port.text}' in EXPOSE instruction should be lowercase ('${lower}').`,
          edits: at ? [{ start: at.start, end: at.end, text: lower }] : undefined,
        });
      }
    }
  },
});
