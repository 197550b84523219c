import { defineRule } from "../rule.js";
import { labelSettings } from "./util/labels-settings.js";

export default defineRule({
  code: "DL3049",
  name: "label-missing",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Give every stage the labels the label schema requires.",
    rationale:
      "A configured label schema lists the labels every image must carry (source, revision, licence...). A stage that neither sets one nor builds on a stage that does produces an image without it; any stage can be built with --target.",
    bad: '# dflint-options: {"labelSchema": {"org.opencontainers.image.source": "url"}}\nFROM alpine:3.20\nRUN apk add --no-cache curl',
    good:
      '# dflint-options: {"labelSchema": {"org.opencontainers.image.source": "url"}}\nFROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/example/app"\nRUN apk add --no-cache curl',
  },
  fix: null, // the label's value is the author's to write
  check(context) {
    const { schema } = labelSettings(context);
    if (schema.size === 0) return;
    const { model } = context;
    // hadolint does not report a stage that another one copies from: its image is never shipped.
    const copied = new Set(model.edges.filter((e) => e.kind !== "from").map((e) => e.to));
    for (const stage of model.stages) {
      if (copied.has(stage)) continue;
      // stage.labels holds the labels of the stage chain it builds on (FROM <stage>) too.
      for (const key of schema.keys()) {
        if (stage.labels.has(key)) continue;
        const which = stage.nameAsWritten ? `Stage '${stage.nameAsWritten}'` : `Stage ${stage.index}`;
        context.report({ range: stage.from.range, message: `${which} has no label '${key}', which the label schema requires.` });
      }
    }
  },
});
