// The programs a RUN runs, as the shell-inside-RUN rules see them: each simple command of every parsed script
// of the RUN (its shell-form line, its heredoc scripts, its exec form), by program name, and also the program
// behind a wrapper (`sudo apt-get install`, `env DEBIAN_FRONTEND=noninteractive apt-get install`).
import type { RunScript, ShellDialect, ShellWord, SimpleCommand } from "../../../model/shell/types.js";
import type { Dockerfile, Instruction } from "../../../syntax/tree.js";
import type { RuleContext } from "../../rule.js";
import { LintMemo } from "./lint-memo.js";
import { parseOptions, type OptionSpec } from "./shell-options.js";

/** One program run by a RUN. */
export interface Invocation {
  /** The program's name: the command word's value without its directory (`/usr/bin/apt-get` is `apt-get`). */
  program: string;
  /** The word that names it. */
  name: ShellWord;
  /** The words after it. */
  args: ShellWord[];
  /** The simple command it belongs to (the wrapper's, for `sudo apt-get ...`). */
  command: SimpleCommand;
  /** How the script was read: `exec` for an exec-form RUN, whose words are JSON strings. */
  dialect: ShellDialect;
}

/**
 * The RUN instructions to check, in order: each RUN, and each `ONBUILD RUN` when `onbuild` (hadolint runs
 * those rules on ONBUILD triggers too). The ONBUILD instruction itself is returned: it belongs to the stage
 * whose SHELL parses it, and context.scripts() reads its trigger.
 */
export function runInstructions(tree: Dockerfile, onbuild: boolean): Instruction[] {
  return tree.instructions.filter((ins) => ins.name === "RUN" || (onbuild && ins.name === "ONBUILD" && ins.trigger?.name === "RUN"));
}

/** The RUN instruction itself: the trigger of an `ONBUILD RUN` (whose flags hold its mounts). */
export function runOf(ins: Instruction): Instruction {
  return ins.name === "ONBUILD" && ins.trigger ? ins.trigger : ins;
}

// Some thirty rules ask for the invocations of each RUN; its scripts (one array per RUN and lint) key them.
const invocationsByScripts = new LintMemo<readonly RunScript[], Invocation[]>();

/** Every program a RUN runs, in source order; a wrapped program follows its wrapper. */
export function invocations(context: Pick<RuleContext, "scripts">, ins: Instruction): readonly Invocation[] {
  const scripts = context.scripts(ins);
  return invocationsByScripts.get(context.scripts, scripts, () => readInvocations(scripts));
}

function readInvocations(scripts: readonly RunScript[]): Invocation[] {
  const out: Invocation[] = [];
  for (const script of scripts) {
    if (script.kind !== "parsed") continue;
    for (const command of script.commands) {
      let name = command.name;
      let args = command.args;
      // A wrapper runs the program named by its first operand; `sudo sudo x` unwraps twice. The bound keeps a
      // pathological `env env env ...` from costing more than its length.
      for (let depth = 0; name && depth < 8; depth++) {
        const program = programOf(name);
        if (program === null) break;
        out.push({ program, name, args, command, dialect: script.dialect });
        const inner = unwrap(program, args);
        if (!inner) break;
        name = inner[0]!;
        args = inner.slice(1);
      }
    }
  }
  return out;
}

// The programs of a file, keyed by its lint's scripts() (one function per lint and file).
const programsByLint = new LintMemo<RuleContext["scripts"], Set<string>>();

/**
 * Whether any RUN or ONBUILD RUN of the file runs one of `programs`, as a command (by SimpleCommand.program)
 * or behind a wrapper (by invocation). Most files use one package manager or none: the rules about each of
 * the others answer from this without walking a command.
 */
export function runsAny(context: Pick<RuleContext, "tree" | "scripts">, ...programs: string[]): boolean {
  const set = programsByLint.get(context.scripts, context.scripts, () => {
    const found = new Set<string>();
    for (const ins of runInstructions(context.tree, true)) {
      for (const script of context.scripts(ins)) if (script.kind === "parsed") for (const c of script.commands) if (c.program !== null) found.add(c.program);
      for (const inv of invocations(context, ins)) found.add(inv.program);
    }
    return found;
  });
  return programs.some((p) => set.has(p));
}

/** The invocations of one program (or of any of several). */
export function invocationsOf(context: RuleContext, ins: Instruction, ...programs: string[]): Invocation[] {
  return invocations(context, ins).filter((inv) => programs.includes(inv.program));
}

/** The program a command word names, or null when it has expansions (`$SUDO`, `${PIP}`). */
export function programOf(word: ShellWord): string | null {
  const v = word.value;
  if (v === null || v === "") return null;
  return v.slice(v.lastIndexOf("/") + 1);
}

// The options each wrapper takes, so that its first operand (the program it runs) can be found. `command -v`
// and `env -S` do not run their operand as a program with these words; they stop the unwrapping.
const WRAPPERS: Record<string, OptionSpec & { stopAt?: readonly string[]; assignments?: boolean }> = {
  sudo: {
    shortWithValue: "ugCDpRrTU",
    longWithValue: ["user", "group", "close-from", "chdir", "prompt", "chroot", "role", "type", "other-user", "command-timeout", "host"],
    stopAt: ["l", "list", "e", "edit", "v", "validate", "K", "s", "i", "shell", "login", "V", "version", "h", "help"],
  },
  env: { shortWithValue: "uCS", longWithValue: ["unset", "chdir", "split-string"], stopAt: ["S", "split-string"], assignments: true },
  nice: { shortWithValue: "n", longWithValue: ["adjustment"] },
  nohup: {},
  exec: { shortWithValue: "a" },
  command: { stopAt: ["v", "V"] },
  time: { shortWithValue: "fo", longWithValue: ["format", "output"] },
  eatmydata: {},
};

// The words a wrapper runs as a command (program first), or null when it is no wrapper or runs nothing.
function unwrap(program: string, args: ShellWord[]): ShellWord[] | null {
  const spec = Object.hasOwn(WRAPPERS, program) ? WRAPPERS[program] : undefined; // not `constructor`
  if (!spec) return null;
  // Options end at the first operand: `sudo apt-get -y install` gives `-y` to apt-get.
  const parsed = parseOptions(args, { ...spec, stopAtOperand: true });
  if (parsed.options.some((o) => spec.stopAt?.includes(o.name))) return null;
  let rest = parsed.operands;
  if (spec.assignments) {
    let i = 0;
    while (i < rest.length && rest[i]!.value !== null && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[i]!.value!)) i++;
    rest = rest.slice(i);
  }
  return rest.length > 0 ? rest : null;
}

/** A word for a message: its value when literal, else as written; one line, at most 60 characters. */
export function shown(word: ShellWord): string {
  const s = (word.value ?? word.text).replace(/\s+/g, " ");
  return s.length > 60 ? s.slice(0, 57) + "..." : s;
}
