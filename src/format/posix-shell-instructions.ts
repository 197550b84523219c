// Which instructions hand their shell-form command to a POSIX shell (sh, bash and kin). Only there do
// blanks between words mean nothing, so only there may the formatter re-indent a command's
// continuation lines or break its `&&` chains. A stage runs `/bin/sh -c` unless SHELL says otherwise,
// a `# hadolint shell=NAME` pragma names another shell (as the linter reads it: until the next FROM or
// SHELL, and before the first FROM for every stage), or the stage is built on Windows, whose default is
// `cmd /S /C` (where `echo a   b` prints the blanks).
import { programName, shellProgramDialect } from "../model/shell/shell-dialect.js";
import type { Dockerfile, Instruction, SyntaxNode } from "../syntax/tree.js";

/** The grammar of a POSIX-family shell, as mvdan/sh reads it: bash for bash, zsh, ksh and mksh. */
export type PosixDialect = "posix" | "bash";

const SHELL_FORM = new Set(["RUN", "CMD", "ENTRYPOINT", "HEALTHCHECK"]);
// Windows base images and platforms; a Dockerfile with the backquote escape is almost always for one.
const WINDOWS = /windows|nanoserver|servercore/i;
const SHELL_PRAGMA = /^#\s*(?:hadolint|dflint)\s+shell\s*=\s*(\S.*?)\s*$/;
const DEFAULT_SHELL: readonly string[] = ["/bin/sh", "-c"];
const UNKNOWN_SHELL: readonly string[] = [];

/** The instructions (ONBUILD included, for its trigger) whose shell-form command a POSIX shell runs, and its dialect. */
export function posixShellInstructions(tree: Dockerfile): Map<Instruction, PosixDialect> {
  const posix = new Map<Instruction, PosixDialect>();
  const stageShells = new Map<string, readonly string[]>();
  let pragmaDefault: readonly string[] | null = null;
  let shell: readonly string[] = UNKNOWN_SHELL;
  let dialect: PosixDialect | undefined;
  let stageName: string | null = null;
  let seenFrom = false;
  const use = (next: readonly string[]) => {
    shell = next;
    dialect = posixDialect(shell);
  };
  // A pragma spells `shell`: a file that nowhere does has only its instructions to read, and a comment
  // that does not is no pragma.
  const nodes: readonly SyntaxNode[] = tree.text.includes("shell") ? tree.children : tree.instructions;
  for (const node of nodes) {
    if (node.kind === "comment") {
      if (!node.text.includes("shell")) continue;
      const pragma = SHELL_PRAGMA.exec(node.text.trim());
      if (!pragma) continue;
      const named = pragma[1]!.split(/\s+/);
      if (!seenFrom) pragmaDefault = named;
      use(named);
      continue;
    }
    if (node.kind !== "instruction") continue;
    const ins = node;
    if (ins.name === "FROM") {
      if (stageName !== null) stageShells.set(stageName, shell);
      seenFrom = true;
      const words = ins.args.map((a) => (a.kind === "word" ? a.value : ""));
      const image = words[0] ?? "";
      stageName = words.length >= 3 && words[1]!.toLowerCase() === "as" ? words[2]!.toLowerCase() : null;
      const platform = ins.flags.find((f) => f.name.toLowerCase() === "platform")?.value ?? "";
      const isWindows = tree.escape === "`" || WINDOWS.test(image) || WINDOWS.test(platform);
      use(stageShells.get(image.toLowerCase()) ?? pragmaDefault ?? (isWindows ? UNKNOWN_SHELL : DEFAULT_SHELL));
      continue;
    }
    if (ins.name === "SHELL") {
      const arg = ins.args[0];
      use(ins.form === "json" && arg?.kind === "json-array" ? arg.elements.map((e) => e.value) : UNKNOWN_SHELL);
      continue;
    }
    const runs = ins.name === "ONBUILD" && ins.trigger ? ins.trigger.name : ins.name;
    if (dialect && SHELL_FORM.has(runs)) posix.set(ins, dialect);
  }
  return posix;
}

/** The dialect of a SHELL that runs a POSIX shell (sh, bash, dash, ash, zsh, ksh and the like, maybe through env), else undefined. */
export function posixDialect(shell: readonly string[]): PosixDialect | undefined {
  let words = shell;
  if (words.length > 0 && programName(words[0]!) === "env") words = words.slice(1).filter((w) => !w.startsWith("-") && !w.includes("="));
  return words.length > 0 ? shellProgramDialect(words[0]!) : undefined;
}
