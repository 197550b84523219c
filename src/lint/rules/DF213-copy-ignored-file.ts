import type { Instruction, Range, Word } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { cleanPath, compileDockerignore } from "../../model/dockerignore.js";
import { expandKnown } from "./util/buildkit-support.js";

// Sources that do not come from the build context: URLs and Git repositories (ADD).
const REMOTE = /^(?:https?:\/\/|git@|git:\/\/|ssh:\/\/)/;

/** The source operands of COPY/ADD: every argument but the destination, heredocs left out. */
function sources(ins: Instruction): Array<{ value: string; range: Range }> {
  const array = ins.args[0];
  if (ins.form === "json" && array?.kind === "json-array") {
    return array.elements.slice(0, -1).map((e) => ({ value: e.value, range: e.range }));
  }
  const isHeredoc = (w: Word) => ins.heredocs.some((h) => h.markerRange.start.offset < w.range.end.offset && w.range.start.offset < h.markerRange.end.offset);
  const words = ins.args.filter((a): a is Word => a.kind === "word");
  return words
    .slice(0, -1)
    .filter((w) => !isHeredoc(w))
    .map((w) => ({ value: w.value, range: w.range }));
}

export default defineRule({
  code: "DF213",
  name: "copy-ignored-file",
  aliases: ["CopyIgnoredFile"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Do not COPY or ADD a file that .dockerignore excludes.",
    rationale:
      "A path excluded by .dockerignore is not sent to the builder, so the COPY fails (`not found`) or copies less than it says; either the ignore file or the instruction is wrong. Needs the build context's .dockerignore.",
    // The .dockerignore comes from the build context; the first line gives it as a lint setting.
    bad: '# dflint-options: {"dockerignore": ["*.env"]}\nFROM alpine:3.20\nCOPY secrets.env /app/',
    good: '# dflint-options: {"dockerignore": ["*.env"]}\nFROM alpine:3.20\nCOPY config.yml /app/',
  },
  fix: null, // whether the ignore file or the COPY is wrong is the author's call
  check({ tree, model, settings, report }) {
    // Without a .dockerignore there is nothing to check. BuildKit also stays silent when the file has
    // `!` exceptions (a file inside an excluded directory may be brought back) or is malformed.
    if (!settings.dockerignore || settings.dockerignore.length === 0) return;
    const matcher = compileDockerignore(settings.dockerignore);
    if (!matcher || matcher.hasExceptions) return;
    // `.` and `/` are the context root: reported only when a pattern excludes every entry of it.
    const isRootIgnored = matcher.patterns.some((p) => p.text === "*" || p.text === "**" || p.text === "**/*");
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        const isCopy = ins.name === "COPY";
        if (!isCopy && ins.name !== "ADD") continue;
        if (isCopy && ins.flags.some((f) => f.name === "from")) continue; // another stage or image, not the context
        for (const { value, range } of sources(ins)) {
          const expanded = expandKnown(model, ins, value, tree.escape);
          if (expanded === null || expanded === "" || REMOTE.test(expanded)) continue;
          const path = cleanPath(expanded);
          if ((path === "." || path === "/") && !isRootIgnored) continue;
          if (matcher.excludes(path) !== true) continue;
          report({
            range,
            message: `Attempting to ${ins.name} file '${path}' that is excluded by .dockerignore.`,
          });
        }
      }
    }
  },
});
