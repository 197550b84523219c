// Fix edits on the words of a RUN. An edit touches only the text right at a word (never the continuation or
// line break after it), and is spelled for the form the RUN is written in: a shell word or a JSON string.
import type { ShellDialect, ShellWord } from "../../../model/shell/types.js";
import type { TextEdit } from "../../rule.js";

/** Inserts an argument right after a word: ` -y` in a shell script, `, "-y"` in an exec-form array. */
export function insertArgumentAfter(word: ShellWord, argument: string, dialect: ShellDialect): TextEdit {
  const at = word.range.end.offset;
  return { start: at, end: at, text: dialect === "exec" ? `, ${JSON.stringify(argument)}` : ` ${argument}` };
}

/**
 * Appends text to a word written plainly (`apt`, `/usr/bin/apt`, or `"apt"` in an exec form): null when it is
 * quoted, escaped or split by a continuation, where an edit of the plain text could get it wrong.
 */
export function appendToWord(source: string, word: ShellWord, suffix: string, dialect: ShellDialect): TextEdit | null {
  const written = source.slice(word.range.start.offset, word.range.end.offset);
  const plain = dialect === "exec" ? /^"[A-Za-z0-9_./-]+"$/ : /^[A-Za-z0-9_./-]+$/;
  if (!plain.test(written)) return null;
  const at = word.range.end.offset - (dialect === "exec" ? 1 : 0);
  return { start: at, end: at, text: suffix };
}
