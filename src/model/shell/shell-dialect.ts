// Which grammar reads a script, from the program that runs it: the stage's SHELL, a heredoc's shebang, or a
// shell command that a heredoc feeds.

/** null: a shell mvdan/sh cannot read (PowerShell, cmd). */
export type Dialect = "posix" | "bash" | null;

const NON_POSIX = new Set(["pwsh", "powershell", "cmd"]);
// mvdan/sh knows POSIX sh, bash and mksh; zsh and ksh are nearest to bash among them.
const BASH_LIKE = new Set(["bash", "zsh", "ksh", "mksh"]);
const POSIX_SHELLS = new Set(["sh", "dash", "ash", "posh", "busybox"]);

// Rules ask for the program of every command they look at; the same few names come back all the time.
const programNames = new Map<string, string>();

/** The program's name without directory (either slash, for Windows paths), `.exe` or case. */
export function programName(path: string): string {
  let name = programNames.get(path);
  if (name === undefined) {
    const base = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1).toLowerCase();
    name = base.endsWith(".exe") ? base.slice(0, -4) : base;
    if (programNames.size > 10_000) programNames.clear();
    programNames.set(path, name);
  }
  return name;
}

/** The dialect of a stage's SHELL (`["/bin/sh", "-c"]` when the Dockerfile sets none). */
export function shellDialect(shell: readonly string[]): Dialect {
  const name = programName(shell[0] ?? "/bin/sh");
  if (NON_POSIX.has(name)) return null;
  if (name === "env") return shellDialect(shell.slice(1).filter((w) => !w.startsWith("-") && !w.includes("=")));
  return BASH_LIKE.has(name) ? "bash" : "posix"; // anything else is asked to run `-c script` like sh
}

/** The dialect of a shell program run by name (`bash`, `/bin/sh`), or undefined when it is not a shell. */
export function shellProgramDialect(name: string): "posix" | "bash" | undefined {
  const base = programName(name);
  return BASH_LIKE.has(base) ? "bash" : POSIX_SHELLS.has(base) ? "posix" : undefined;
}

// BuildKit runs a lone heredoc that starts with `#!` as a file, by its interpreter, whatever the SHELL.

/** The dialect of a script's shebang: undefined without one, null when it names no shell (python3, node). */
export function shebangDialect(script: string): Dialect | undefined {
  if (!script.startsWith("#!")) return undefined;
  const end = script.indexOf("\n");
  const words = script.slice(2, end < 0 ? undefined : end).trim().split(/\s+/);
  let program = words[0] ?? "";
  if (programName(program) === "env") program = words.slice(1).find((w) => !w.startsWith("-") && !w.includes("=")) ?? "";
  return shellProgramDialect(program) ?? null;
}
