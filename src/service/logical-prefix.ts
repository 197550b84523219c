// The text of an instruction up to the cursor as BuildKit reads it: line continuations joined and
// the comment lines inside them dropped, cut into words. Completion and signature help read the
// instruction being typed from this, since half-typed text often parses as something else.

export interface PrefixWord {
  text: string;
  /** Offset of the word in the logical text. */
  start: number;
}

export interface LogicalPrefix {
  text: string;
  words: PrefixWord[];
  /** The text ends in whitespace: the cursor is at the start of a new word. */
  isAfterSpace: boolean;
}

/** The logical text from `start` to `end` of the source, and its words (quotes kept together). */
export function logicalPrefix(source: string, start: number, end: number, escape: string): LogicalPrefix {
  const lines = source.slice(start, end).split(/(?<=\r\n|\n|\r)/);
  let text = "";
  let continued = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    // Inside a continuation, comment lines and blank lines are skipped (BuildKit's line reader).
    if (i > 0 && continued && (/^[ \t]*#/.test(line) || /^[ \t]*(\r\n|\n|\r)$/.test(line))) continue;
    const body = line.replace(/(\r\n|\n|\r)$/, "");
    const hasBreak = body.length !== line.length;
    const m = hasBreak ? new RegExp(`${escape === "`" ? "`" : "\\\\"}[ \\t]*$`).exec(body) : null;
    continued = m !== null;
    line = m ? body.slice(0, m.index) : hasBreak ? body + "\n" : body;
    text += line;
  }
  return { text, words: splitWords(text), isAfterSpace: /\s$/.test(text) };
}

function splitWords(text: string): PrefixWord[] {
  const words: PrefixWord[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let quote: string | null = null;
    while (i < text.length && (quote || !/\s/.test(text[i]!))) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) quote = null;
      } else if (c === '"' || c === "'") quote = c;
      i++;
    }
    words.push({ text: text.slice(start, i), start });
  }
  return words;
}
