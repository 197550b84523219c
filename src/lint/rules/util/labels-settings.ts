// The label schema and strict-labels switch a lint runs with. hadolint takes them from its config
// (`label-schema`, `strict-labels`), its CLI (`--require-label name:type`, `--strict-labels`) and
// HADOLINT_REQUIRE_LABELS; dflint merges those into LintSettings before the rules run.
import type { RuleContext } from "../../rule.js";
import type { LabelType } from "../../settings.js";

export interface LabelSettings {
  schema: ReadonlyMap<string, LabelType>;
  strict: boolean;
}

/** The label schema and strict-labels setting of this lint. */
export function labelSettings(context: Pick<RuleContext, "settings">): LabelSettings {
  return { schema: context.settings.labelSchema, strict: context.settings.strictLabels };
}
