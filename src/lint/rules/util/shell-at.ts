// The SHELL in effect at an instruction. The model keeps each stage's SHELL as it is at the end of the stage
// (Stage.shell); a RUN before a later SHELL runs with the earlier one, so this walks the stage up to the RUN.
import type { Model } from "../../../model/model.js";
import type { Instruction } from "../../../syntax/tree.js";

const DEFAULT_SHELL: readonly string[] = ["/bin/sh", "-c"];

/** The SHELL words a RUN runs with: the stage's last SHELL before it, else its parent stage's, else `/bin/sh -c`. */
export function shellAt(model: Model, ins: Instruction): readonly string[] {
  const stage = model.stageOf(ins);
  if (!stage) return DEFAULT_SHELL;
  // FROM <stage> starts with the SHELL that stage ended with, as BuildKit copies the image config.
  let shell: readonly string[] = stage.parent ? stage.parent.shell : DEFAULT_SHELL;
  for (const other of stage.instructions) {
    if (other === ins) break;
    // Only the JSON form sets the shell; BuildKit rejects SHELL in any other form.
    const arg = other.args[0];
    if (other.name === "SHELL" && other.form === "json" && arg?.kind === "json-array") shell = arg.elements.map((e) => e.value);
  }
  return shell;
}
