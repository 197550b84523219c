// The model's own diagnostics (DF1xx): what BuildKit rejects or silently misreads once it knows
// stages and variables.
import type { SyntaxProblemInfo } from "../syntax/syntax-problems.js";
import type { Severity } from "../syntax/tree.js";

const info = (code: string, name: string, severity: Severity, summary: string): SyntaxProblemInfo => ({ code, name, severity, summary });

export const MODEL_PROBLEMS = {
  noStage: info("DF101", "instruction-before-from", "error", "An instruction other than ARG comes before the first FROM."),
  noStages: info("DF102", "no-stages", "error", "The file has ARGs but no FROM: there is nothing to build."),
  fromArguments: info("DF103", "invalid-from", "error", "FROM takes an image and optionally `AS name`."),
  invalidStageName: info("DF104", "invalid-stage-name", "error", "A stage name must start with a letter and hold only letters, digits, `-`, `_` and `.`."),
  invalidImage: info("DF105", "invalid-image-reference", "error", "FROM names something that is not a valid image reference."),
  expansionError: info("DF106", "expansion-error", "error", "A word cannot be expanded as BuildKit would."),
  circularStage: info("DF107", "circular-stage-dependency", "error", "Stages depend on each other in a cycle."),
  badStageIndex: info("DF108", "invalid-stage-index", "error", "A numeric --from names the current or a later stage."),
  fromNotStage: info("DF109", "from-not-a-stage", "info", "A --from value names no stage, so it is pulled as an image."),
  selfReferencingArg: info("DF111", "arg-refers-to-itself", "warning", "An ARG default refers to the ARG itself."),
  unknownTarget: info("DF112", "unknown-target", "error", "The requested target stage does not exist."),
} as const;
