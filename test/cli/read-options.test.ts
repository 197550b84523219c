// The one reader every dflint command reads its argv with: values in both spellings, one-letter forms,
// repeats, shared entries, operands, and the usage errors it stops at.
import { describe, expect, it } from "vitest";
import { answerUsage, checked, oneOf, readOptions, text, type OptionTable, type Refusal } from "../../src/cli/read-options.js";

const OPTIONS = {
  "--format": { short: "-f", value: oneOf(["text", "json"], "--format takes text or json") },
  "--config": { short: "-c", value: text },
  "--ignore": { value: text, repeat: true },
  "--error": { value: (code) => checked<[string, string]>(["error", code], ""), repeat: true, key: "levels" },
  "--warning": { value: (code) => checked<[string, string]>(["warning", code], ""), repeat: true, key: "levels" },
  "--width": { value: (v) => checked(/^\d+$/.test(v) ? Number(v) : null, `--width takes a number, not '${v}'`) },
  "--verbose": { short: "-v" },
  "--color": {},
  "--no-color": { key: "--color", sets: false },
  "--rm": { bool: true },
} as const satisfies OptionTable;

const read = (...argv: string[]) => readOptions(argv, OPTIONS);
const refused = (error: string): Refusal => ({ ok: false, error });

describe("readOptions", () => {
  it("reads a value after a space or an equals sign, and gives operands in order", () => {
    expect(read("a", "--format", "json", "b", "--config=x.yaml", "c")).toEqual({ ok: true, options: { "--format": "json", "--config": "x.yaml" }, operands: ["a", "b", "c"] });
  });

  it("takes an empty value written with an equals sign, and everything after the first one", () => {
    expect(read("--config=")).toMatchObject({ ok: true, options: { "--config": "" } });
    expect(read("--config=a=b")).toMatchObject({ ok: true, options: { "--config": "a=b" } });
    expect(read("--format=")).toEqual(refused("--format takes text or json, not ''"));
  });

  it("reads one-letter forms with the value after a space or attached", () => {
    expect(read("-f", "json", "-cdir/x.yaml", "-v")).toEqual({ ok: true, options: { "--format": "json", "--config": "dir/x.yaml", "--verbose": true }, operands: [] });
    // An attached value is the rest of the word, an equals sign included (as hadolint reads -f=json).
    expect(read("-f=json")).toEqual(refused("--format takes text or json, not '=json'"));
    // A switch takes nothing attached: -vx is not -v with x.
    expect(read("-vx")).toEqual(refused("unknown option '-vx'"));
  });

  it("keeps every value of a repeatable option, and the last of another", () => {
    expect(read("--ignore", "A", "--format", "text", "--ignore=B", "--format", "json")).toMatchObject({ ok: true, options: { "--ignore": ["A", "B"], "--format": "json" } });
  });

  it("fills a shared entry in the order given, across the options that share it", () => {
    expect(read("--warning", "X", "--error", "Y", "--warning", "Y")).toMatchObject({ ok: true, options: { levels: [["warning", "X"], ["error", "Y"], ["warning", "Y"]] } });
    expect(read("--color", "--no-color")).toMatchObject({ ok: true, options: { "--color": false } });
    expect(read("--no-color", "--color")).toMatchObject({ ok: true, options: { "--color": true } });
  });

  it("converts values as its table says, and leaves options not given out", () => {
    const r = read("--width", "80");
    expect(r).toEqual({ ok: true, options: { "--width": 80 }, operands: [] });
    expect(read("--width", "wide")).toEqual(refused("--width takes a number, not 'wide'"));
  });

  it("takes - as an operand (standard input), and everything after -- as operands", () => {
    expect(read("-", "--format", "json")).toEqual({ ok: true, options: { "--format": "json" }, operands: ["-"] });
    expect(read("--verbose", "--", "--format", "-v", "--")).toEqual({ ok: true, options: { "--verbose": true }, operands: ["--format", "-v", "--"] });
    expect(read("--config", "-")).toMatchObject({ ok: true, options: { "--config": "-" }, operands: [] });
  });

  it("refuses an unknown option as typed, suggesting a close one", () => {
    expect(read("--formt", "json")).toEqual(refused("unknown option '--formt' (did you mean '--format'?)"));
    expect(read("--ignor=A")).toEqual(refused("unknown option '--ignor=A' (did you mean '--ignore'?)"));
    expect(read("--hlep")).toEqual(refused("unknown option '--hlep' (did you mean '--help'?)"));
    expect(read("--frobnicate")).toEqual(refused("unknown option '--frobnicate'"));
    expect(read("-Z")).toEqual(refused("unknown option '-Z'"));
  });

  it("refuses a missing value, and a separate value that is a long option", () => {
    expect(read("--config")).toEqual(refused("--config needs a value"));
    expect(read("-c")).toEqual(refused("--config needs a value"));
    expect(read("--config", "--verbose")).toEqual(refused("--config needs a value"));
    // A value that only starts with one dash is a value: a file named -x, or - for standard input.
    expect(read("--config", "-x")).toMatchObject({ ok: true, options: { "--config": "-x" } });
  });

  it("reads =true and =false after a boolean switch, in Go's spellings, as docker's options take them", () => {
    expect(read("--rm")).toMatchObject({ ok: true, options: { "--rm": true } });
    for (const yes of ["true", "1", "t", "TRUE", "True"]) expect(read(`--rm=${yes}`)).toMatchObject({ ok: true, options: { "--rm": true } });
    for (const no of ["false", "0", "f", "FALSE", "False"]) expect(read(`--rm=${no}`)).toMatchObject({ ok: true, options: { "--rm": false } });
    expect(read("--rm=no")).toEqual(refused("--rm takes true or false, not 'no'"));
    // Only a boolean switch: another one still takes nothing.
    expect(read("--verbose=true")).toEqual(refused("--verbose takes no value"));
  });

  it("refuses a value given to a switch", () => {
    expect(read("--verbose=yes")).toEqual(refused("--verbose takes no value"));
    expect(read("--no-color=")).toEqual(refused("--no-color takes no value"));
    expect(read("--help=1")).toEqual(refused("--help takes no value"));
  });

  it("stops at the first mistake or at --help, whichever comes first", () => {
    for (const help of ["--help", "-h"]) {
      expect(read("a", help, "--frobnicate")).toEqual({ help: true });
      expect(read("--frobnicate", help)).toEqual(refused("unknown option '--frobnicate'"));
    }
    expect(read("--format", "xml", "--help")).toEqual(refused("--format takes text or json, not 'xml'"));
    expect(read("--width", "x", "--format", "xml")).toEqual(refused("--width takes a number, not 'x'"));
    // A later value does not excuse an earlier bad one.
    expect(read("--format", "xml", "--format", "json")).toEqual(refused("--format takes text or json, not 'xml'"));
  });
});

describe("answerUsage", () => {
  const capture = () => {
    const printed = { out: "", err: "" };
    return { printed, io: { out: (t: string) => void (printed.out += t), err: (t: string) => void (printed.err += t) } };
  };

  it("prints the help on standard output with exit 0", () => {
    const { printed, io } = capture();
    expect(answerUsage({ help: true }, io, "fmt", "Usage: dflint fmt")).toBe(0);
    expect(printed).toEqual({ out: "Usage: dflint fmt\n", err: "" });
  });

  it("prints the error and where to look on standard error with exit 2", () => {
    const { printed, io } = capture();
    expect(answerUsage(refused("--x needs a value"), io, "lint", "")).toBe(2);
    expect(answerUsage(refused("no file given"), io, "parse", "", "dflint parse")).toBe(2);
    expect(printed).toEqual({ out: "", err: "dflint: --x needs a value (see dflint lint --help)\ndflint parse: no file given (see dflint parse --help)\n" });
  });
});
