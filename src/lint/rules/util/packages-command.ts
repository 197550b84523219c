// Reading a package manager's command line the way the tool's own option parser does: which subcommand it
// runs, and which words are operands (packages) rather than options or option values.
import type { ShellWord, SimpleCommand } from "../../../model/shell/types.js";
import type { Range } from "../../../syntax/tree.js";

/** The program a command runs by base name (`/sbin/apk` is `apk`); null when its name has expansions. */
export function programOf(cmd: SimpleCommand): string | null {
  return cmd.program;
}

export interface Subcommand {
  word: ShellWord;
  /** Its index in `cmd.args`. */
  index: number;
}

/**
 * The first argument that is one of `names`. Like hadolint (Shell.cmdHasArgs), the word may stand anywhere:
 * global options come first (`apk --no-cache add`, `yum -y install`) and their values are not known to us.
 */
export function findSubcommand(cmd: SimpleCommand, names: readonly string[]): Subcommand | undefined {
  const index = cmd.args.findIndex((a) => a.value !== null && names.includes(a.value));
  return index < 0 ? undefined : { word: cmd.args[index]!, index };
}

/**
 * The operands after argument `from`, read like getopt: `--opt value` and `-o value` skip the value when the
 * option is in `valueOptions` (not when written `--opt=value` or `-ovalue`), and every word after `--` is an
 * operand. Words with expansions are operands with a null value: what they hold is unknown.
 */
export function operandsAfter(cmd: SimpleCommand, from: number, valueOptions: ReadonlySet<string>): ShellWord[] {
  const out: ShellWord[] = [];
  let onlyOperands = false;
  for (let i = from + 1; i < cmd.args.length; i++) {
    const arg = cmd.args[i]!;
    const v = arg.value;
    if (onlyOperands || v === null || v === "-" || !v.startsWith("-")) {
      out.push(arg);
      continue;
    }
    if (v === "--") {
      onlyOperands = true;
      continue;
    }
    if (v.startsWith("--")) {
      if (!v.includes("=") && valueOptions.has(v)) i++;
      continue;
    }
    // A cluster `-qt name`: the first value-taking letter takes the rest of the word, or else the next word.
    for (let j = 1; j < v.length; j++) {
      if (!valueOptions.has("-" + v[j])) continue;
      if (j === v.length - 1) i++;
      break;
    }
  }
  return out;
}

/**
 * Whether a word with expansions could hold options, so that a flag the rule asks for may be in it: before
 * the subcommand global options stand (`yum $YUM_OPTS install`), and a name that says so (`$DNF_OPTIONS`).
 */
export function mayHideOptions(cmd: SimpleCommand, subIndex: number): boolean {
  return cmd.args.some((a, i) => a.value === null && (i < subIndex || /opt|flag|arg/i.test(a.text)));
}

/** The range from the command's name to its subcommand: `yum install`, `zypper -q in`. */
export function commandRange(cmd: SimpleCommand, sub: ShellWord): Range {
  return { start: (cmd.name ?? sub).range.start, end: sub.range.end };
}

/** The command as a short quote for messages: its program and subcommand. */
export function commandLabel(cmd: SimpleCommand, sub: ShellWord): string {
  return `${programOf(cmd) ?? cmd.name?.text ?? ""} ${sub.value ?? sub.text}`;
}
