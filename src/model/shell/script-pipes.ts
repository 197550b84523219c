// The pipe operators (`|`, `|&`) of a script, by offset in it: from quickRead when it can read the script, else
// from mvdan/sh's syntax tree.
import type { GoValue } from "mvdan-sh";
import { walkNodes } from "./go-node.js";
import { quickRead } from "./quick-read.js";
import { parseShell } from "./shell-parser.js";
import { utf16Offsets } from "./utf8-offsets.js";

/** A pipe operator by [start, end) offsets in the script. */
export type PipeSpan = [number, number];

/** The pipes of a script read in a dialect; empty when it does not parse. */
export function scriptPipes(text: string, dialect: "posix" | "bash"): PipeSpan[] {
  // Parsing is the costly part: a script without a `|` has no pipe.
  if (!text.includes("|")) return [];
  const quick = quickRead(text);
  // bash's syntax does not parse as POSIX sh, and a script that does not parse has no pipes.
  if (quick && !(quick.bashOnly && dialect === "posix")) return quick.pipes.map((at) => [at, at + 1]);
  return scriptPipesFully(text, dialect);
}

// mvdan/sh's BinCmdOperator values for `|` and `|&`, read off the parser rather than assumed.
let pipeOps: Set<number> | null = null;
function pipeOperators(): Set<number> {
  if (pipeOps) return pipeOps;
  const ops = new Set<number>();
  for (const src of ["a | b", "a |& b"]) {
    const parsed = parseShell(src, "bash");
    if (!parsed.ok) continue;
    walkNodes(parsed.file.__internal_object__, (node, type) => {
      if (type === "BinaryCmd") ops.add(node.Op as number);
    });
  }
  return (pipeOps = ops);
}

/** scriptPipes through mvdan/sh alone: the reference quickRead is tested against. */
export function scriptPipesFully(text: string, dialect: "posix" | "bash"): PipeSpan[] {
  const parsed = parseShell(text, dialect);
  return parsed.ok ? filePipes(parsed.file.__internal_object__ as GoValue, text) : [];
}

/** The pipes of a script mvdan/sh has already parsed (`file` is its syntax tree's Go value). */
export function filePipes(file: GoValue, text: string): PipeSpan[] {
  if (!text.includes("|")) return [];
  const ops = pipeOperators();
  const toUtf16 = utf16Offsets(text);
  const pipes: PipeSpan[] = [];
  // The Go values are walked directly: mvdan-sh's own Walk wraps every node and is many times slower.
  walkNodes(file, (node, type) => {
    if (type !== "BinaryCmd" || !ops.has(node.Op as number)) return;
    // The operator's own position: the left command's end would lie past the body of a heredoc it reads.
    const at = toUtf16((node.OpPos as unknown as { Offset(): number }).Offset());
    if (text[at] === "|") pipes.push([at, text.startsWith("|&", at) ? at + 2 : at + 1]);
  });
  return pipes.sort((a, b) => a[0] - b[0]);
}
