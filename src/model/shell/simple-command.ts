// Making a SimpleCommand, whichever reader found it (quickRead, mvdan/sh, an exec-form RUN).
import type { Range } from "../../syntax/tree.js";
import { programName } from "./shell-dialect.js";
import type { ShellWord, SimpleCommand } from "./types.js";

/** A simple command from its words; its program is worked out once here, as every shell rule asks for it. */
export function simpleCommand(words: ShellWord[], assignments: string[], range: Range): SimpleCommand {
  const name = words[0] ?? null;
  const value = name?.value;
  return { name, program: value ? programName(value) : null, args: words.slice(1), assignments, range };
}
