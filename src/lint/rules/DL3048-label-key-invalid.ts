import { defineRule } from "../rule.js";
import { labelPairs } from "./util/labels-pairs.js";

// Docker's guidelines for label keys: lower-case alphanumerics and separators, starting with a letter
// and ending with a letter or digit, no doubled separators, and the com.docker.*, io.docker.* and
// org.dockerproject.* namespaces left to Docker. hadolint's DL3048 checks exactly these.
const RESERVED = ["com.docker.", "io.docker.", "org.dockerproject."];

function problem(key: string): string | null {
  if (!/^[a-z]/.test(key)) return "it must start with a lower-case letter";
  if (!/[a-z0-9]$/.test(key)) return "it must end with a lower-case letter or a digit";
  const bad = /[^a-z0-9._/-]/.exec(key);
  if (bad) return `'${bad[0]}' is not allowed (use lower-case letters, digits, '.', '-', '_' and '/')`;
  const reserved = RESERVED.find((p) => key.startsWith(p));
  if (reserved) return `the '${reserved}' namespace is reserved for Docker`;
  if (key.includes("..") || key.includes("--")) return "it has consecutive separators";
  return null;
}

export default defineRule({
  code: "DL3048",
  name: "label-key-invalid",
  level: "style",
  source: "hadolint",
  docs: {
    summary: "Write label keys in Docker's recommended form.",
    rationale:
      "Docker asks for reverse-DNS keys in lower case (`org.opencontainers.image.title`), starting with a letter and ending with a letter or digit, without doubled separators, and outside its reserved `com.docker.`, `io.docker.` and `org.dockerproject.` namespaces; tools that read labels rely on that.",
    bad: 'FROM alpine:3.20\nLABEL Maintainer="jane@example.org"',
    good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="jane@example.org"',
  },
  fix: null, // renaming a key changes what label readers find; the new name is the author's call
  check(context) {
    for (const { key, pair } of labelPairs(context)) {
      if (key === null) continue; // `${PREFIX}.name`: the key is not known before the build
      const why = problem(key);
      if (why) context.report({ range: pair.keyRange, message: `Label key '${key}' is invalid: ${why}.` });
    }
  },
});
