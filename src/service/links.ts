// Document links: image references in FROM, COPY --from and `# syntax=` to their registry's web
// page, for the registries whose pages follow from the reference (Docker Hub, Quay, GitHub's,
// Microsoft's and Amazon's public registries). Nothing is fetched.
import type { DocumentLink } from "vscode-languageserver-types";
import { parseImageReference, type ImageReference } from "../model/image-reference.js";
import type { Range } from "../syntax/tree.js";
import type { DocumentAnalysis } from "./analysis.js";
import { lspRange } from "./locate.js";

/** The web page of an image's repository, when its registry has a predictable one. */
export function imageUrl(ref: ImageReference): string | null {
  const path = ref.repository;
  switch (ref.domain) {
    case "docker.io":
      return path.startsWith("library/") ? `https://hub.docker.com/_/${path.slice("library/".length)}` : `https://hub.docker.com/r/${path}`;
    case "quay.io":
      return `https://quay.io/repository/${path}`;
    case "ghcr.io":
    case "mcr.microsoft.com":
      return `https://${ref.domain}/${path}`;
    case "public.ecr.aws":
      return `https://gallery.ecr.aws/${path}`;
    default:
      return null;
  }
}

/** Links for the document's image references. */
export function documentLinks(analysis: DocumentAnalysis): DocumentLink[] {
  const { model, tree, text } = analysis;
  const out: DocumentLink[] = [];
  const link = (written: string, range: Range) => {
    if (written.includes("$")) return; // the page depends on the build's values
    const parsed = parseImageReference(written);
    const url = parsed.ok ? imageUrl(parsed.reference) : null;
    if (url) out.push({ range: lspRange(range), target: url, tooltip: `Open ${parsed.ok ? parsed.reference.familiar : written} on its registry` });
  };
  for (const d of tree.directives) if (d.name === "syntax") link(d.value, d.valueRange);
  for (const stage of model.stages) {
    if (stage.base.kind === "image" && stage.baseRange) link(text.slice(stage.baseRange.start.offset, stage.baseRange.end.offset), stage.baseRange);
    for (const ins of stage.instructions) {
      if (ins.name !== "COPY" && ins.name !== "ADD") continue;
      for (const flag of ins.flags) {
        if (flag.name !== "from" || !flag.value || !flag.valueRange || model.edgeAt(flag) || /^\d+$/.test(flag.value)) continue;
        if (text.slice(flag.valueRange.start.offset, flag.valueRange.end.offset) === flag.value) link(flag.value, flag.valueRange);
      }
    }
  }
  return out;
}
