// Loading mvdan-sh changes two globals: GopherJS's prelude sets `Error.stackTraceLimit = Infinity` (every error
// in the process would then record its whole stack) and `globalThis.require`. This module is imported just
// before it, so that shell-parser.ts can put both back as they were.

const hadRequire = Object.prototype.hasOwnProperty.call(globalThis, "require");
const savedRequire: unknown = (globalThis as { require?: unknown }).require;
const savedStackTraceLimit = Error.stackTraceLimit;

/** Puts back the globals that loading mvdan-sh changed. */
export function restoreGlobals(): void {
  Error.stackTraceLimit = savedStackTraceLimit;
  if (hadRequire) (globalThis as { require?: unknown }).require = savedRequire;
  else delete (globalThis as { require?: unknown }).require;
}
