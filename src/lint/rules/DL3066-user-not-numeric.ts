import { expandWord } from "../../model/expand.js";
import type { Stage } from "../../model/model.js";
import { LineIndex } from "../../syntax/line-index.js";
import { sourceOffset, valueRuns } from "../../syntax/value-offsets.js";
import { defineRule } from "../rule.js";

// The end of the user part of `user[:group]`: the first `:` outside a `${...}` (whose `:-` is no separator).
function userEnd(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "$" && text[i + 1] === "{") {
      depth++;
      i++;
    } else if (text[i] === "}" && depth > 0) depth--;
    else if (text[i] === ":" && depth === 0) return i;
  }
  return text.length;
}

// Windows containers have no numeric user IDs (`ContainerUser`, `ContainerAdministrator` are the
// only ways to say it), so the rule cannot be followed there. A stage is taken for Windows when its
// root image, platform or shell says so.
function isWindows(stage: Stage | null): boolean {
  for (let s = stage; s; s = s.parent) {
    if (s.platform?.value?.toLowerCase().startsWith("windows")) return true;
    if (/^(?:cmd|powershell)(?:\.exe)?$/i.test(s.shell[0]?.split(/[\\/]/).pop() ?? "")) return true;
    if (s.base.kind === "image" && /windows|nanoserver|servercore/i.test(s.base.text)) return true;
  }
  return false;
}

export default defineRule({
  code: "DL3066",
  name: "user-not-numeric",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Set USER to a numeric user ID.",
    rationale:
      "A user name is resolved through the image's /etc/passwd at run time; the host, volume permissions and Kubernetes' `runAsNonRoot` (which refuses a non-numeric user it cannot verify) see only numbers. `USER 10001` says exactly who runs the process.",
    bad: "FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER app",
    good: "FROM alpine:3.20\nRUN adduser -D -u 10001 app\nUSER 10001",
  },
  fix: null, // the ID the name maps to is only known inside the built image
  check({ tree, model, text, report }) {
    let index: LineIndex | undefined;
    // hadolint checks every USER (not ONBUILD USER); a later version checks only the last one.
    for (const ins of tree.instructions) {
      if (ins.name !== "USER" || isWindows(model.stageOf(ins))) continue;
      const word = ins.args[0];
      if (word?.kind !== "word") continue;
      const end = userEnd(word.value);
      const written = word.value.slice(0, end);
      // `USER ${APP_UID}`: hadolint trusts a variable; its value may come with --build-arg.
      if (written.includes("$")) continue;
      const expanded = expandWord(written, new Map(), { escape: tree.escape });
      const user = expanded.ok ? expanded.value : written;
      if (user === "" || /^[0-9]+$/.test(user)) continue;
      // Flag the user part only, not a `:group` after it.
      const endOffset = sourceOffset(valueRuns(word), end, true);
      const range = endOffset === word.range.end.offset ? word.range : { start: word.range.start, end: (index ??= new LineIndex(text)).position(endOffset) };
      report({ range, message: `User '${user}' is a name, not a numeric user ID; the host and Kubernetes' runAsNonRoot cannot resolve it.` });
    }
  },
});
