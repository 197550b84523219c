// The shared loop of the label-format rules (DL3052-DL3056, DL3058): for each LABEL pair whose key
// the schema types as `type`, judge the value. hadolint runs one sub-rule per schema key; one pass
// over the pairs does the same.
import type { RuleContext } from "../../rule.js";
import type { LabelType } from "../../settings.js";
import { labelPairs } from "./labels-pairs.js";
import { labelSettings } from "./labels-settings.js";

/** Reports every value of a label typed `type` in the schema that `isValid` rejects. */
export function checkLabelFormat(context: RuleContext, type: LabelType, isValid: (value: string) => boolean, message: (key: string, value: string) => string): void {
  const { schema } = labelSettings(context);
  if (schema.size === 0) return; // hadolint runs the schema rules only for configured labels
  for (const { key, value, valueRange } of labelPairs(context)) {
    if (key === null || value === null || schema.get(key) !== type) continue;
    // An empty value is DL3051's finding; hadolint would report it a second time here.
    if (value === "" || isValid(value)) continue;
    context.report({ range: valueRange, message: message(key, value) });
  }
}

/** A value for a message: quoted, and cut short when long. */
export function quoteValue(value: string): string {
  const oneLine = value.replace(/\s+/g, " ");
  return `'${oneLine.length > 60 ? oneLine.slice(0, 57) + "..." : oneLine}'`;
}
