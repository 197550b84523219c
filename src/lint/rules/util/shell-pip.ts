// `pip install` in its spellings: pip, pip3, pip3.12, pipx, `python3 -m pip`; with its options read so that
// the packages can be told from option values (`-i https://mirror/simple`, `--target /opt/lib`).
import type { ShellWord } from "../../../model/shell/types.js";
import type { Invocation } from "./shell-commands.js";
import { parseOptions, type OptionSpec, type ParsedArgs } from "./shell-options.js";

// The options of pip and pipx that take a value, general and install options both (hadolint's list, with
// `--python` from hadolint#1196, and the rest of pip's).
export const PIP_OPTIONS: OptionSpec = {
  shortWithValue: "bcefirtC",
  longWithValue: [
    "abi", "build", "cache-dir", "cert", "client-cert", "config-settings", "constraint", "editable", "exists-action",
    "extra-index-url", "find-links", "global-option", "implementation", "index-url", "install-option", "keyring-provider",
    "log", "no-binary", "only-binary", "pip-args", "platform", "prefix", "progress-bar", "proxy", "python", "python-version",
    "report", "requirement", "retries", "root", "src", "suffix", "target", "timeout", "trusted-host", "upgrade-strategy",
    "use-deprecated", "use-feature", "index", "spec",
  ],
};

/** A `pip install` command line, read. */
export interface PipInstall {
  /** The `install` word. */
  install: ShellWord;
  /** The options (those before `install` too) and the operands after `install`. */
  parsed: ParsedArgs;
  /** How it is spelled, for messages: `pip3 install`, `python3 -m pip install`. */
  spelled: string;
  /** pipx (or `python -m pipx`): installs into its own environments and keeps no pip cache to clear. */
  isPipx: boolean;
}

/** The `pip install` of an invocation (`pip*` except pipenv, `python* -m pip`), or null. */
export function pipInstall(inv: Invocation): PipInstall | null {
  let args = inv.args;
  let isPipx = false;
  let spelled = inv.program;
  if (inv.program.startsWith("pip")) {
    if (inv.program.startsWith("pipenv")) return null;
    isPipx = inv.program.startsWith("pipx");
  } else if (inv.program.startsWith("python")) {
    // `python3 -m pip install ...`: the module's arguments start after its name.
    const m = args.findIndex((w) => w.value === "-m" || w.value === "-mpip" || w.value === "-mpipx");
    if (m < 0) return null;
    const inline = args[m]!.value!.slice(2);
    const module = inline !== "" ? inline : args[m + 1]?.value;
    if (module !== "pip" && module !== "pipx") return null;
    isPipx = module === "pipx";
    spelled = `${inv.program} -m ${module}`;
    args = args.slice(inline !== "" ? m + 1 : m + 2);
  } else return null;
  // pip's general options may come before the subcommand: `pip --disable-pip-version-check install ...`.
  const head = parseOptions(args, { ...PIP_OPTIONS, stopAtOperand: true });
  const install = head.operands[0];
  if (install?.value !== "install") return null;
  const after = parseOptions(args.slice(args.indexOf(install) + 1), PIP_OPTIONS);
  return { install, parsed: { ...after, options: [...head.options, ...after.options] }, spelled: `${spelled} install`, isPipx };
}
