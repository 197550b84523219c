// A script as the shell reads it, with the runs that map its offsets back to the Dockerfile.
import type { Heredoc, ShellCommand } from "../../syntax/tree.js";
import { valueRuns, type ValueRuns } from "../../syntax/value-offsets.js";

export interface ScriptSource {
  text: string;
  runs: ValueRuns;
}

/** The shell-form command of an instruction: its value, continuations joined and comment lines dropped. */
export function commandSource(node: ShellCommand): ScriptSource {
  return { text: node.value, runs: valueRuns(node) };
}

/** A heredoc body as BuildKit hands it on: `<<-` strips leading tabs, and lines end in `\n`. */
export function heredocSource(h: Heredoc): ScriptSource {
  const runs: ValueRuns = [];
  let text = "";
  const base = h.bodyRange.start.offset;
  const content = h.content;
  let at = 0;
  while (at < content.length) {
    let end = content.indexOf("\n", at);
    end = end < 0 ? content.length : end + 1;
    let start = at;
    if (h.chomp) while (content.charCodeAt(start) === 9) start++;
    // A CRLF file: the shell would see the \r as part of the last word, but BuildKit reads lines without it.
    const hasCr = end - start >= 2 && content.charCodeAt(end - 1) === 10 && content.charCodeAt(end - 2) === 13;
    const line = hasCr ? content.slice(start, end - 2) + "\n" : content.slice(start, end);
    runs.push([text.length, base + start, line.length]);
    text += line;
    at = end;
  }
  return { text, runs };
}

// BuildKit hands a RUN with heredocs to the shell as `cmd + "\n" + body + name` for each heredoc.

/** The command line with its heredocs after it, and where each heredoc's body lies in that text. */
export function withHeredocs(command: ScriptSource, heredocs: readonly Heredoc[]): ScriptSource & { bodies: Array<[number, number]> } {
  let text = command.text;
  const runs: ValueRuns = [...command.runs];
  const bodies: Array<[number, number]> = [];
  for (const h of heredocs) {
    const body = heredocSource(h);
    text += "\n";
    const start = text.length;
    for (const [v, s, len] of body.runs) runs.push([start + v, s, len]);
    text += body.text;
    bodies.push([start, text.length]);
    if (body.text && !body.text.endsWith("\n")) text += "\n"; // an unterminated heredoc at the end of the file
    text += h.name;
  }
  return { text, runs, bodies };
}
