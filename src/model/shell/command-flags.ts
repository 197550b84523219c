// Options of a command, spelled as getopt and getopt_long accept them.
import type { ShellWord, SimpleCommand } from "./types.js";

// `-y` is also found inside a cluster of short options (`-qy`), `--yes` also as `--yes=value`; options end at
// `--`, and a word with expansions is no option. A cluster is letters and digits only, so `-o=APT::x` is not read
// as `-o -= -A ...`; but an option with its value glued on (`-oDebug`, `find -name`) still reads as one, which
// only the command itself could tell apart: rules ask about the command they know.

/** The first argument that sets one of the options `names` (each written `-y`, `--yes` or `-name`). */
export function findFlag(cmd: SimpleCommand, ...names: string[]): ShellWord | undefined {
  for (const arg of cmd.args) {
    const v = arg.value;
    if (v === null || !v.startsWith("-") || v === "-") continue;
    if (v === "--") return undefined;
    for (const name of names) {
      if (v === name) return arg;
      if (name.startsWith("--") ? v.startsWith(name + "=") : isShort(name) && isCluster(v) && v.includes(name[1]!)) return arg;
    }
  }
  return undefined;
}

/** Whether the command is given one of the options `names` (see findFlag). */
export function hasFlag(cmd: SimpleCommand, ...names: string[]): boolean {
  return findFlag(cmd, ...names) !== undefined;
}

const isShort = (name: string) => name.length === 2 && name[0] === "-" && name[1] !== "-";
const isCluster = (v: string) => /^-[A-Za-z0-9]+$/.test(v);
