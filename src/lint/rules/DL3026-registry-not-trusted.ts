import { parseImageReference, type ImageReference } from "../../model/image-reference.js";
import type { Range } from "../../syntax/tree.js";
import { defineRule } from "../rule.js";
import { rangeAt } from "./util/instructions-ranges.js";
import { trustedRegistries } from "./util/instructions-trusted-registries.js";

// hadolint's patterns: `*` is any registry, `*.example.com` a suffix, `registry.example.*` a prefix,
// anything else the exact name.
function matches(pattern: string, registry: string): boolean {
  const p = pattern.toLowerCase();
  if (p === "*") return true;
  if (p.startsWith("*")) return registry.endsWith(p.slice(1));
  if (p.endsWith("*")) return registry.startsWith(p.slice(0, -1));
  return registry === p;
}

// An image without a registry comes from Docker Hub, which hadolint trusts only when `docker.io` or
// `hub.docker.com` is listed; a written registry is matched as written and, for Docker Hub's other
// spellings (`index.docker.io`), as `docker.io` too.
function isTrusted(ref: ImageReference, trusted: readonly string[]): boolean {
  const names = ref.registry ? [ref.registry.toLowerCase(), ref.domain.toLowerCase()] : ["docker.io", "hub.docker.com"];
  return trusted.some((t) => names.some((n) => matches(t, n)));
}

const registryOf = (ref: ImageReference) => ref.registry ?? "docker.io";

export default defineRule({
  code: "DL3026",
  name: "registry-not-trusted",
  level: "error",
  source: "hadolint",
  docs: {
    summary: "Use images only from trusted registries (when `trustedRegistries` is set).",
    rationale: "An organisation that vets its base images lists the registries it trusts; an image from anywhere else has not been vetted. The rule is on only when `trustedRegistries` is configured.",
    bad: '# dflint-options: {"trustedRegistries": ["registry.example.com"]}\nFROM docker.io/library/alpine:3.20',
    good: '# dflint-options: {"trustedRegistries": ["registry.example.com"]}\nFROM registry.example.com/base/alpine:3.20',
  },
  fix: null, // which mirror holds the image is the organisation's call
  check(context) {
    const { text, model, report } = context;
    const trusted = trustedRegistries(context);
    if (trusted.length === 0) return;
    const flag = (ref: ImageReference, range: Range, where: string) => {
      if (isTrusted(ref, trusted)) return;
      report({ range, message: `${where} '${ref.raw}' comes from '${registryOf(ref)}', which is not a trusted registry.` });
    };

    for (const stage of model.stages) {
      // FROM: scratch and earlier stages always pass; the image is read after ARG expansion, and one
      // that does not expand to a valid reference is left to the model's own diagnostic.
      if (stage.base.kind === "image" && stage.base.reference && stage.baseRange) flag(stage.base.reference, stage.baseRange, "Base image");

      for (const ins of stage.instructions) {
        for (const f of ins.flags) {
          if (f.value === null || model.edgeAt(f)) continue; // a stage, not an image
          if (ins.name === "COPY" && f.name === "from") {
            const ref = imageOf(f.value);
            if (ref) flag(ref, f.valueRange ?? f.range, "COPY --from image");
          } else if (ins.name === "RUN" && f.name === "mount") {
            const from = mountFrom(f.value);
            if (!from) continue;
            const ref = imageOf(from.value);
            if (!ref) continue;
            // The `from=` value in the source, when the flag is written without quotes or escapes.
            const raw = text.slice(f.valueRange?.start.offset ?? 0, f.valueRange?.end.offset ?? 0);
            const range = f.valueRange && raw === f.value ? rangeAt(text, f.valueRange.start.offset + from.start, f.valueRange.start.offset + from.start + from.value.length) : f.range;
            flag(ref, range, "RUN --mount image");
          }
        }
      }
    }
  },
});

// A --from value that is an image: not a stage number, no variable, a valid reference.
function imageOf(value: string): ImageReference | null {
  if (/^\d+$/.test(value) || value.includes("$")) return null;
  const parsed = parseImageReference(value);
  return parsed.ok ? parsed.reference : null;
}

// hadolint checks `from=` of bind mounts (the default type) and cache mounts.
function mountFrom(value: string): { value: string; start: number } | null {
  let type = "bind";
  let from: { value: string; start: number } | null = null;
  let at = 0;
  for (const field of value.split(",")) {
    const eq = field.indexOf("=");
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    if (key === "type") type = field.slice(eq + 1).trim().toLowerCase();
    if (key === "from" && eq >= 0) from = { value: field.slice(eq + 1), start: at + eq + 1 };
    at += field.length + 1;
  }
  return from && from.value !== "" && (type === "bind" || type === "cache") ? from : null;
}
