// apt-get's command line, as apt's CommandLine parser reads it: which word is the subcommand, which are
// packages, and which options are given.
import type { Model } from "../../../model/model.js";
import type { ShellWord } from "../../../model/shell/types.js";
import type { Instruction } from "../../../syntax/tree.js";
import type { Invocation } from "./shell-commands.js";
import { parseOptions, type OptionSpec, type ParsedArgs } from "./shell-options.js";

// apt-get's options that take a value (-o Name=value, -c file, -t release, -a arch, -P profiles); `-q=2`
// gives a short option a value after `=`.
export const APT_GET_OPTIONS: OptionSpec = {
  shortWithValue: "octaP",
  longWithValue: ["option", "config-file", "target-release", "default-release", "host-architecture", "build-profiles"],
  shortEquals: true,
};

/** An apt-get (or apt, aptitude) command line, read. */
export interface AptCommand {
  parsed: ParsedArgs;
  /** The subcommand word (`install`, `update`), or null. */
  subcommand: ShellWord | null;
  /** The operands after the subcommand: packages, for install. */
  packages: ShellWord[];
}

/** Reads an apt-get, apt or aptitude command line. */
export function readApt(inv: Invocation): AptCommand {
  const parsed = parseOptions(inv.args, APT_GET_OPTIONS);
  // `apt-get $APT_OPTS install curl`: an expansion before the subcommand is taken for options.
  const at = parsed.operands.findIndex((w) => w.value !== null);
  if (at < 0) return { parsed, subcommand: null, packages: [] };
  return { parsed, subcommand: parsed.operands[at]!, packages: parsed.operands.slice(at + 1) };
}

/**
 * `apt-get install ...` (hadolint's rules on it look at apt-get only, not apt or aptitude). A simulation
 * (`apt-get install -s pkg`, a test for whether a package exists) installs nothing and asks nothing: not one.
 */
export function aptGetInstall(inv: Invocation): AptCommand | null {
  if (inv.program !== "apt-get") return null;
  const apt = readApt(inv);
  if (apt.subcommand?.value !== "install") return null;
  return apt.parsed.options.some((o) => SIMULATE.has(o.name)) ? null : apt;
}

const SIMULATE = new Set(["s", "simulate", "just-print", "dry-run", "recon", "no-act"]);

/** The values given to `-o`/`--option`, `Name=value` each. */
export function aptConfigOptions(apt: AptCommand): string[] {
  return apt.parsed.options.filter((o) => (o.name === "o" || o.name === "option") && typeof o.value === "string").map((o) => o.value as string);
}

/**
 * Whether an earlier RUN of the stage (or of the stages it is built on) wrote apt configuration matching
 * `setting`, as in `echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/norecommends`: apt-get
 * reads it in every later RUN.
 */
export function aptConfiguredBefore(model: Model, text: string, ins: Instruction, setting: RegExp): boolean {
  let stage = model.stageOf(ins);
  let before: Instruction | null = ins;
  for (let depth = 0; stage && depth < 64; depth++) {
    for (const other of stage.instructions) {
      if (other === before) break;
      if (other.name !== "RUN") continue;
      // Written to a file apt reads, not given on one command line (`apt-get -o APT::...=false install`).
      const source = text.slice(other.range.start.offset, other.range.end.offset);
      if (setting.test(source) && /\/etc\/apt\/apt\.conf/.test(source)) return true;
    }
    stage = stage.parent;
    before = null;
  }
  return false;
}

/** Whether the command line has an expansion that may hold options (`$APT_OPTS`, `${APT_FLAGS}`). */
export function hasOptionsVariable(inv: Invocation): boolean {
  return inv.args.some((w) => w.value === null && /^["']?\$\{?[A-Za-z_]*(OPT|FLAG)/i.test(w.text));
}
