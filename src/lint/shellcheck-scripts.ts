// Which scripts of a Dockerfile ShellCheck reads, and the text it gets for each: the shell-form RUN
// commands (ONBUILD RUN too) and the heredoc bodies a POSIX shell runs, each prefixed with a
// `# shellcheck shell=` line and one line exporting the names the stage declares, so that `$NAME` of an
// ARG or ENV is not "referenced but not assigned" (hadolint exports them the same way).
import type { Model } from "../model/model.js";
import { heredocsFedToShells } from "../model/shell/fed-heredocs.js";
import { commandSource, heredocSource, withHeredocs, type ScriptSource } from "../model/shell/script-source.js";
import { parseShell } from "../model/shell/shell-parser.js";
import { shebangDialect, shellDialect } from "../model/shell/shell-dialect.js";
import type { RunScript } from "../model/shell/types.js";
import type { Dockerfile, Instruction } from "../syntax/tree.js";
import type { ShellcheckInput } from "./shellcheck-hook.js";

/** A script for ShellCheck and how to map its positions back. */
export interface ScriptToCheck {
  input: ShellcheckInput;
  /** The script without the prefix, and the runs mapping its offsets to the Dockerfile. */
  source: ScriptSource;
  /** Lines before the script in `input.script`. */
  prefixLines: number;
  instruction: Instruction;
}

export const PREFIX_LINES = 2;

// BuildKit passes these to every RUN without an ARG declaring them (its predefined proxy args).
const PROXY_ARGS = ["HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"].flatMap((n) => [n, n.toLowerCase()]);
const SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The scripts of a file that ShellCheck should read, in file order. */
export function shellcheckScripts(tree: Dockerfile, model: Model, scripts: (ins: Instruction) => RunScript[], shellAt: (ins: Instruction) => readonly string[]): ScriptToCheck[] {
  const out: ScriptToCheck[] = [];
  for (const ins of tree.instructions) {
    const run = ins.name === "ONBUILD" && ins.trigger ? ins.trigger : ins;
    if (run.name !== "RUN") continue;
    const parsed = scripts(ins);
    if (parsed.length === 0) continue;
    const sources = scriptSources(run, shellAt(ins));
    // The model reads the same sources in the same order; a script it could not parse is its own
    // finding, and ShellCheck would only say it again.
    const exports = exportLine(model, ins);
    sources.forEach(({ source, dialect }, i) => {
      const script = parsed[i];
      if (dialect === null || !script || script.kind !== "parsed" || script.dialect === "exec") return;
      const shell = dialect === "bash" ? "bash" : "sh";
      out.push({ input: { script: `# shellcheck shell=${shell}\n${exports}\n${source.text}`, shell }, source, prefixLines: PREFIX_LINES, instruction: ins });
    });
  }
  return out;
}

/** `export A=1 B=1` for the ARG and ENV names in scope at the instruction and BuildKit's proxy args. */
function exportLine(model: Model, ins: Instruction): string {
  const names = new Set(PROXY_ARGS);
  for (const [name, decl] of model.scopeAt(ins).entries()) {
    if ((decl.kind === "arg" || decl.kind === "env") && SHELL_NAME.test(name)) names.add(name);
  }
  return "export " + [...names].sort().map((n) => `${n}=1`).join(" ");
}

type Dialect = "posix" | "bash";

// Mirrors parse-run.ts's readRun, which keeps only the parsed result: the scripts a RUN hands to a
// POSIX shell with their text, or null where the model reads none (exec form, PowerShell, python heredocs).
function scriptSources(run: Instruction, shell: readonly string[]): Array<{ source: ScriptSource; dialect: Dialect | null }> {
  const arg = run.args[0];
  if (run.form !== "shell" || arg?.kind !== "shell-command") return [];
  const dialect = shellDialect(shell);
  const heredocs = run.heredocs;
  if (heredocs.length > 0 && isLoneHeredoc(arg.value)) {
    // `RUN <<EOF`: BuildKit runs the body itself, by its shebang when it has one.
    const body = heredocSource(heredocs[0]!);
    const shebang = shebangDialect(body.text);
    return [{ source: body, dialect: shebang === undefined ? dialect : shebang }];
  }
  if (dialect === null) return [];
  if (heredocs.length === 0) return [{ source: commandSource(arg), dialect }];

  // `RUN bash <<EOF`: the command line with its bodies, then each body a shell reads.
  const main = withHeredocs(commandSource(arg), heredocs);
  const out: Array<{ source: ScriptSource; dialect: Dialect | null }> = [{ source: main, dialect }];
  let parsed = parseShell(main.text, dialect);
  if (!parsed.ok && dialect === "posix") parsed = parseShell(main.text, "bash");
  if (parsed.ok) {
    for (const { index, dialect: fed } of heredocsFedToShells(parsed.file.__internal_object__, main.text, main.bodies)) {
      const body = heredocSource(heredocs[index]!);
      out.push({ source: body, dialect: shebangDialect(body.text) ?? fed });
    }
  }
  return out;
}

// BuildKit's test (parser.ParseHeredoc on the whole command): one heredoc marker and nothing else.
function isLoneHeredoc(command: string): boolean {
  return /^\d*<<-?[^<\s]+$/.test(command.trim());
}
