// mvdan/sh's printer, for `--shell`: it lays a command out, and it decides whether two commands have the
// same syntax tree (each is parsed and printed back with the default printer; equal prints mean equal
// trees, positions aside). Loaded on first use, through the model's one door to mvdan/sh.
import type { ShParser, ShPrinter } from "mvdan-sh";
import { shSyntax } from "../model/shell/shell-parser.js";
import type { PosixDialect } from "./posix-shell-instructions.js";

const parsers = new Map<PosixDialect, ShParser>();
const printers = new Map<string, ShPrinter>();
// Canonical prints by dialect and command: the formatter and its check ask about the same commands.
const canonical = new Map<string, string | null>();
const CANONICAL_LIMIT = 2000;

function parser(dialect: PosixDialect): ShParser {
  let p = parsers.get(dialect);
  if (!p) {
    const sh = shSyntax();
    p = sh.NewParser(sh.KeepComments(true), sh.Variant(dialect === "bash" ? sh.LangBash : sh.LangPOSIX));
    parsers.set(dialect, p);
  }
  return p;
}

function printer(indent: number, binaryNextLine: boolean): ShPrinter {
  const key = `${indent}:${binaryNextLine}`;
  let p = printers.get(key);
  if (!p) {
    const sh = shSyntax();
    p = sh.NewPrinter(sh.Indent(indent), sh.BinaryNextLine(binaryNextLine));
    printers.set(key, p);
  }
  return p;
}

/** A command as mvdan/sh prints it (`indent` spaces, 0 for tabs), or null when it does not parse. Never throws. */
export function printShell(command: string, dialect: PosixDialect, indent = 0, binaryNextLine = false): string | null {
  try {
    return printer(indent, binaryNextLine).Print(parser(dialect).Parse(command, ""));
  } catch {
    return null; // a syntax error, or a failure inside the GopherJS build: the command is left as it is
  }
}

/** Whether two commands parse to the same syntax tree (false when either does not parse). */
export function isSameShellTree(a: string, b: string, dialect: PosixDialect): boolean {
  const x = canonicalPrint(a, dialect);
  return x !== null && x === canonicalPrint(b, dialect);
}

function canonicalPrint(command: string, dialect: PosixDialect): string | null {
  const key = dialect + "\0" + command;
  let printed = canonical.get(key);
  if (printed === undefined) {
    printed = printShell(command, dialect);
    if (canonical.size >= CANONICAL_LIMIT) canonical.delete(canonical.keys().next().value!);
    canonical.set(key, printed);
  }
  return printed;
}
