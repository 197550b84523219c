// What the shell scripts of a RUN instruction are made of, as rules see them.
import type { Range } from "../../syntax/tree.js";

/** One word of a command. */
export interface ShellWord {
  /** The word as written (quotes kept; continuations of the Dockerfile joined). */
  text: string;
  /** Its literal value when it has no expansions (quotes removed), else null. Globs and `~` stay as written. */
  value: string | null;
  range: Range;
}

/** A simple command: `VAR=x name args... >redirects`. */
export interface SimpleCommand {
  /** null for bare assignments (`VAR=x` alone). */
  name: ShellWord | null;
  /** The program's base name (`/usr/bin/apt-get` is `apt-get`; lower case, `.exe` dropped); null when the name has expansions or is absent. */
  program: string | null;
  /** The words after the name, in order. */
  args: ShellWord[];
  /** `VAR=x` prefixes, as written. */
  assignments: string[];
  /** The whole command, its redirections included (a heredoc body excluded). */
  range: Range;
}

/**
 * The grammar a script was read with. `bash` also when /bin/sh is the shell but the script only parses as bash
 * (the image's /bin/sh may be bash, as on Fedora or CentOS); `exec` for an exec-form RUN, which no shell reads.
 */
export type ShellDialect = "posix" | "bash" | "exec";

export type RunScript =
  /** Every simple command in source order, including those inside &&, ||, ;, pipelines, subshells, $(...) and if/for/while bodies. */
  | {
      kind: "parsed";
      commands: SimpleCommand[];
      dialect: ShellDialect;
      /** Its pipe operators (`|`, `|&`) by [start, end) offsets in the Dockerfile, in order; none in the exec form. */
      pipes: Array<[number, number]>;
    }
  | { kind: "unparsed"; reason: "non-posix-shell" | "exec-form" | "syntax-error"; message?: string; range?: Range };
