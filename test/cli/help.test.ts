// Help and usage errors for every command: `dflint --help` lists each command main() routes, each
// command has --help (also -h and `dflint help COMMAND`) with examples, every option its help names is
// one it accepts, and an unknown option is a one-line error with exit 2.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { MAIN_HELP } from "../../src/cli/usage.js";
import { root, run } from "./lint-run.js";

// The commands main.ts routes, read from its switch, so that a new command cannot miss the main help.
const routed = [...readFileSync(root + "src/cli/main.ts", "utf8").matchAll(/case "([a-z]+)":/g)].map((m) => m[1]!).filter((c) => c !== "help");
const listed = [...MAIN_HELP.split("\nCommands:\n")[1]!.split("\n\n")[0]!.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1]!);
// `check` is lint's other name; its help is lint's.
const helpName = (command: string) => (command === "check" ? "lint" : command);

/** The options a help text names: in its usage line, its option lines and its examples (not its prose). */
function namedOptions(help: string): Set<string> {
  const lines = help.split("\n").flatMap((line) => {
    if (/^Usage:|^\s+-/.test(line)) return [line];
    // An example, up to the pipe into another program: `dflint ... | jq '...'`.
    const example = /^\s+(?:cat \S+ \| )?(dflint .*)$/.exec(line)?.[1];
    return example ? [example.split(" | ")[0]!] : [];
  });
  const options = new Set([...lines.join("\n").matchAll(/(?<![\w-])(--[a-z][\w-]*|-[a-zA-Z])(?=[\s,=:\])]|$)/gm)].map((m) => m[1]!));
  options.delete("--help");
  return options;
}

/** Runs main() in this process: the same parsing as the bin, without a process start per call. */
async function inProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

const STACK_TRACE = /\n\s+at .+:\d+/;
const version = (JSON.parse(readFileSync(root + "package.json", "utf8")) as { version: string }).version;

describe("dflint --help", () => {
  it("lists every command", () => {
    expect(routed.length).toBeGreaterThanOrEqual(7);
    expect([...listed, "check"].sort()).toEqual([...routed].sort());
    expect(MAIN_HELP).toContain("'check' is the same");
  });

  it("is printed for --help, -h and help, and for no arguments with exit 2", () => {
    for (const args of [["--help"], ["-h"], ["help"]]) expect(run(args)).toEqual({ code: 0, out: MAIN_HELP + "\n", err: "" });
    expect(run([])).toEqual({ code: 2, out: MAIN_HELP + "\n", err: "" });
  });

  it("refuses help on a command that does not exist", () => {
    expect(run(["help", "deploy"])).toEqual({ code: 2, out: "", err: "dflint: no command 'deploy' (see dflint --help)\n" });
  });
});

describe("dflint --version", () => {
  it("prints the package's version for --version, -V and a lone -v", () => {
    for (const flag of ["--version", "-V", "-v"]) expect(run([flag])).toEqual({ code: 0, out: version + "\n", err: "" });
  });
});

describe.each(routed)("dflint %s", (command) => {
  it("--help prints its usage and examples; -h and dflint help COMMAND print the same", async () => {
    const help = run([command, "--help"]);
    expect(help).toMatchObject({ code: 0, err: "" });
    expect(help.out).toMatch(new RegExp(`^Usage: dflint (\\[)?${helpName(command)}\\b`));
    const examples = help.out.split("\nExamples:\n")[1]?.split("\n\n")[0] ?? "";
    expect(examples.split("\n").filter((l) => l.includes("dflint")).length, "an example that runs dflint").toBeGreaterThan(0);
    expect(await inProcess([command, "-h"])).toEqual(help);
    expect(await inProcess(["help", command])).toEqual(help);
  });

  it("refuses an unknown option with one line on standard error and exit 2", async () => {
    const bin = run([command, "--no-such-option", "Dockerfile"]);
    expect(bin).toMatchObject({ code: 2, out: "", err: expect.stringContaining("'--no-such-option'") });
    expect(bin.err).not.toMatch(STACK_TRACE);
    for (const option of ["--no-such-option", "-Z", "--no-such-option=1"]) {
      const r = await inProcess([command, option, "Dockerfile"]);
      expect(r, option).toMatchObject({ code: 2, out: "" });
      expect(r.err.trim().split("\n"), option).toHaveLength(1);
      expect(r.err, option).toContain(`'${option.split("=")[0]}`);
      expect(r.err, option).toContain(`dflint ${helpName(command)} --help`);
      expect(r.err).not.toMatch(STACK_TRACE);
    }
  });

  // `check` is another name for lint, whose options the `lint` case already tries one by one.
  if (command !== "check") it("accepts every option its help names", async () => {
    const options = namedOptions((await inProcess([command, "--help"])).out);
    expect(options.size).toBeGreaterThan(0);
    for (const option of options) {
      // Two sentinels: an option that takes a value takes the first, and the second then stops the
      // command before it does anything; a switch stops at the first.
      const { code, err } = await inProcess([command, option, "--sentinel-one", "--sentinel-two"]);
      expect(code, option).toBe(2);
      expect(err, `${command} --help names ${option}, which ${command} refuses`).not.toMatch(new RegExp(`unknown (option|argument) '${option}'`));
    }
  });
});
