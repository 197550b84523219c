// The one door to mvdan/sh (https://github.com/mvdan/sh), through its GopherJS build on npm, `mvdan-sh`. It was
// chosen over `sh-syntax` (the same parser as WebAssembly) because its API is synchronous and returns the whole
// syntax tree; sh-syntax only answers through a Promise and keeps just each top-level statement's position.
// The figures are in bench/shell-parsers.mjs.
//
// It is loaded on first use: the GopherJS build is 1.5 MB of JavaScript, and a lint that meets no script needing
// it (or a CLI run that only prints help) should not pay for evaluating it.
import { createRequire } from "node:module";
import type { ShFile, ShParseError, ShParser, ShSyntax } from "mvdan-sh";

let loaded: ShSyntax | null = null;

/** mvdan/sh's syntax package through its JS wrappers (NodeType, Walk, NewPrinter): handy, but slow on whole scripts. */
export function shSyntax(): ShSyntax {
  if (loaded) return loaded;
  // GopherJS's prelude sets `Error.stackTraceLimit = Infinity` (every error in the process would then record its
  // whole stack) and `globalThis.require`; both are put back as they were.
  const hadRequire = Object.prototype.hasOwnProperty.call(globalThis, "require");
  const savedRequire: unknown = (globalThis as { require?: unknown }).require;
  const savedStackTraceLimit = Error.stackTraceLimit;
  try {
    loaded = (createRequire(import.meta.url)("mvdan-sh") as { syntax: ShSyntax }).syntax;
  } finally {
    Error.stackTraceLimit = savedStackTraceLimit;
    if (hadRequire) (globalThis as { require?: unknown }).require = savedRequire;
    else delete (globalThis as { require?: unknown }).require;
  }
  return loaded;
}

export type ParseOutcome =
  /** file: the wrapped `*syntax.File`; `file.__internal_object__` is its Go value, for go-node.ts. */
  | { ok: true; file: ShFile }
  /** offset: UTF-8 byte offset of the error in the script. dialectOnly: the script uses a feature of another shell. */
  | { ok: false; message: string; offset: number; dialectOnly: boolean };

const parsers = new Map<"posix" | "bash", ShParser>();

// Recent parses by dialect and text. The same script is parsed again when a file is linted again
// (an editor re-checks on every change) and when several rules read one RUN; the trees are only read.
const recent = new Map<string, ParseOutcome>();
const RECENT_LIMIT = 2000;

/** Parses a script as POSIX sh or bash; never throws. */
export function parseShell(script: string, dialect: "posix" | "bash"): ParseOutcome {
  const key = dialect + "\0" + script;
  const hit = recent.get(key);
  if (hit) return hit;
  const outcome = parseUncached(script, dialect);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value!);
  recent.set(key, outcome);
  return outcome;
}

function parseUncached(script: string, dialect: "posix" | "bash"): ParseOutcome {
  let parser = parsers.get(dialect);
  if (!parser) {
    const syntax = shSyntax();
    parser = syntax.NewParser(syntax.Variant(dialect === "bash" ? syntax.LangBash : syntax.LangPOSIX));
    parsers.set(dialect, parser);
  }
  try {
    return { ok: true, file: parser.Parse(script, "") };
  } catch (e) {
    const err = e as Partial<ShParseError> | null;
    if (err && typeof err.Error === "function" && err.Pos) {
      // Error() is "line:col: text"; the line and column count in the script, not the Dockerfile, so drop them.
      const message = err.Error().replace(/^\d+:\d+: /, "");
      return { ok: false, message, offset: err.Pos.Offset(), dialectOnly: typeof err.Feature === "string" && err.Feature !== "" };
    }
    // A GopherJS runtime panic: a bug in the parser, not in the Dockerfile, but still no reason to throw at a rule.
    return { ok: false, message: `the shell parser failed: ${String(e)}`, offset: 0, dialectOnly: false };
  }
}
