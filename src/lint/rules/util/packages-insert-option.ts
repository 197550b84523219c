// The edit that adds an option after a word of a command: ` -y` in shell text, `, "-y"` in an exec-form
// JSON array, so that the fixed RUN parses and runs the same command plus the option.
import type { ShellDialect, ShellWord } from "../../../model/shell/types.js";
import type { TextEdit } from "../../rule.js";

/** Inserts `option` as a new argument right after `word`. */
export function insertOptionAfter(word: ShellWord, dialect: ShellDialect, option: string): TextEdit {
  const at = word.range.end.offset;
  return { start: at, end: at, text: dialect === "exec" ? `, ${JSON.stringify(option)}` : ` ${option}` };
}
