import type { Word } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { valueRange } from "./util/instructions-ranges.js";

export default defineRule({
  code: "DL3007",
  name: "image-tag-latest",
  level: "warning",
  source: "hadolint",
  docs: {
    summary: "Do not pin a base image to `latest`.",
    rationale: "`latest` moves with every release, so the same Dockerfile builds something different from one day to the next; name the version.",
    bad: "FROM node:latest",
    good: "FROM node:22.11-alpine",
  },
  fix: null, // which version to pin is the author's call
  check({ text, model, report }) {
    for (const stage of model.stages) {
      const word = stage.from.args[0];
      if (word?.kind !== "word" || stage.base.kind === "stage") continue;
      // hadolint reads the tag as written (`FROM ${IMAGE}:latest` counts), so the word is read here,
      // not its expansion; a digest pins the image whatever the tag says.
      const tag = writtenTag(word);
      if (tag === null || tag.text !== "latest") continue;
      const image = word.value.slice(0, tag.colon).replace(/^["']/, "");
      report({
        range: valueRange(text, word, tag.colon, tag.colon + 1 + tag.text.length),
        message: `Image '${image}' is pinned to 'latest', which moves; pin a version.`,
      });
    }
  },
});

// The tag of an image as written: after the last `:` that follows the last `/`, with no digest.
function writtenTag(word: Word): { colon: number; text: string } | null {
  const value = word.value.replace(/["']+$/, "");
  if (value.includes("@")) return null;
  const colon = value.lastIndexOf(":");
  if (colon < 0 || colon < value.lastIndexOf("/")) return null;
  return { colon, text: value.slice(colon + 1) };
}
