// The registries DL3026 trusts: hadolint's `trustedRegistries` config and `--trusted-registry`
// flags, merged into LintSettings before the rules run. Empty means the rule is off.
import type { RuleContext } from "../../rule.js";

/** The trusted registries of this lint. */
export function trustedRegistries(context: Pick<RuleContext, "settings">): readonly string[] {
  return context.settings.trustedRegistries;
}
