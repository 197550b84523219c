// ShellCheck on a file's RUN scripts through the caller's hook: collect the scripts, hand them over in one
// call, and turn the comments into findings on the Dockerfile. The hook is the caller's code, so whatever it
// does (throws, returns nonsense) ends as an error message, never as an exception out of lint().
import type { Model } from "../model/model.js";
import type { RunScript } from "../model/shell/types.js";
import type { LineIndex } from "../syntax/line-index.js";
import type { Dockerfile, Instruction, Range } from "../syntax/tree.js";
import type { ShellcheckHook } from "./shellcheck-hook.js";
import { shellcheckRange } from "./shellcheck-range.js";
import { shellcheckScripts } from "./shellcheck-scripts.js";

export interface ShellcheckFinding {
  code: number;
  level: string;
  message: string;
  range: Range;
}

export type ShellcheckResult = { ok: true; findings: ShellcheckFinding[] } | { ok: false; error: string };

/** ShellCheck's findings on the RUN scripts of a file, placed in the Dockerfile. */
export function checkShellScripts(
  hook: ShellcheckHook,
  tree: Dockerfile,
  model: Model,
  index: LineIndex,
  scripts: (ins: Instruction) => RunScript[],
  shellAt: (ins: Instruction) => readonly string[],
): ShellcheckResult {
  const toCheck = shellcheckScripts(tree, model, scripts, shellAt);
  if (toCheck.length === 0) return { ok: true, findings: [] };
  let output: ReturnType<ShellcheckHook>;
  try {
    output = hook(toCheck.map((s) => s.input));
  } catch (e) {
    return { ok: false, error: `ShellCheck could not be run: ${(e as Error)?.message ?? String(e)}` };
  }
  if (!output || typeof output !== "object") return { ok: false, error: "ShellCheck's hook returned no result." };
  if (!output.ok) return { ok: false, error: String(output.error) };
  const findings: ShellcheckFinding[] = [];
  // In `RUN bash <<EOF`, the outer sh expands the unquoted body and the bash it feeds reads it: both
  // scripts hold the same `$x`, and one finding is enough.
  const seen = new Set<string>();
  for (const c of output.comments ?? []) {
    const script = toCheck[c.input];
    if (!script || ![c.line, c.column, c.endLine, c.endColumn, c.code].every(Number.isInteger)) continue;
    const range = shellcheckRange(c, script, index);
    const key = range && `${c.code}\0${range.start.offset}\0${range.end.offset}`;
    if (!range || seen.has(key!)) continue;
    seen.add(key!);
    findings.push({ code: c.code, level: c.level, message: String(c.message), range });
  }
  return { ok: true, findings };
}
