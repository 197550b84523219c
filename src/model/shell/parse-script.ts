// One script to a RunScript: its commands, or the syntax error that stops the shell.
import type { ShFile } from "mvdan-sh";
import type { LineIndex } from "../../syntax/line-index.js";
import { sourceOffset } from "../../syntax/value-offsets.js";
import { collectCommands } from "./collect-commands.js";
import type { ScriptSource } from "./script-source.js";
import { quickRead, type QuickScript } from "./quick-read.js";
import { filePipes } from "./script-pipes.js";
import { scriptRanges } from "./script-ranges.js";
import { ScriptWord } from "./script-word.js";
import { parseShell } from "./shell-parser.js";
import { simpleCommand } from "./simple-command.js";
import type { RunScript, ShellWord, SimpleCommand } from "./types.js";
import { utf16Offsets } from "./utf8-offsets.js";

/** A parsed script with its syntax tree, kept for the caller that looks further (heredocs fed to a shell). */
export type ParsedScript = { result: RunScript; file: ShFile | null };

// When /bin/sh is the shell, a script that only bash accepts is read as bash: the image's /bin/sh may well be
// bash (Fedora, Amazon Linux), and the result's dialect says which grammar took it.

/** Parses a script in its dialect, or as bash when POSIX sh rejects it. */
export function parseScript(script: ScriptSource, dialect: "posix" | "bash", index: LineIndex): ParsedScript {
  // The plain shell most RUN lines hold needs no full parser; what quickRead accepts, both dialects read alike,
  // but for its bash-only syntax, which POSIX mode rejects and the fallback below then reads as bash.
  const quick = quickRead(script.text);
  if (quick) {
    const pipes = quick.pipes.map((at): [number, number] => [sourceOffset(script.runs, at), sourceOffset(script.runs, at + 1, true)]);
    const read = quick.bashOnly ? "bash" : dialect;
    return { result: { kind: "parsed", commands: quickCommands(quick, script, index), dialect: read, pipes }, file: null };
  }
  return parseScriptFully(script, dialect, index);
}

/** parseScript through mvdan/sh alone, with its syntax tree: the reference quickRead is tested against. */
export function parseScriptFully(script: ScriptSource, dialect: "posix" | "bash", index: LineIndex): ParsedScript {
  const first = parseShell(script.text, dialect);
  if (first.ok) return { result: parsedResult(first.file, script, dialect, index), file: first.file };
  if (dialect === "posix") {
    const bash = parseShell(script.text, "bash");
    if (bash.ok) return { result: parsedResult(bash.file, script, "bash", index), file: bash.file };
    // "arrays are a bash feature" says little when bash fails too; its own error is the one to fix.
    if (first.dialectOnly) return { result: syntaxError(script, bash, index), file: null };
  }
  return { result: syntaxError(script, first, index), file: null };
}

function parsedResult(file: ShFile, script: ScriptSource, dialect: "posix" | "bash", index: LineIndex): RunScript {
  const go = file.__internal_object__;
  const pipes = filePipes(go, script.text).map(([s, e]): [number, number] => [sourceOffset(script.runs, s), sourceOffset(script.runs, e, true)]);
  return { kind: "parsed", commands: collectCommands(go, script, index), dialect, pipes };
}

function syntaxError(script: ScriptSource, error: { message: string; offset: number }, index: LineIndex): RunScript {
  const at = Math.min(utf16Offsets(script.text)(error.offset), script.text.length);
  // One character at the error; at the end of the script, its last character.
  const start = at < script.text.length ? at : Math.max(0, at - 1);
  const end = Math.min(start + 1, script.text.length);
  const s = sourceOffset(script.runs, start);
  const range = script.runs.length ? index.range(s, Math.max(s, sourceOffset(script.runs, end, true))) : undefined;
  return { kind: "unparsed", reason: "syntax-error", message: error.message, ...(range ? { range } : {}) };
}

function quickCommands(quick: QuickScript, script: ScriptSource, index: LineIndex): SimpleCommand[] {
  const range = scriptRanges(script, index);
  const text = script.text;
  return quick.commands.map((c) => {
    // Quote removal only ever shortens a word: a value as long as the word is the word as written.
    const words: ShellWord[] = c.words.map(
      (w) => new ScriptWord(w.value !== null && w.value.length === w.end - w.start ? w.value : text.slice(w.start, w.end), w.value, range, w.start, w.end),
    );
    return simpleCommand(words, c.assignments.map(([s, e]) => text.slice(s, e)), range(c.start, c.end));
  });
}
