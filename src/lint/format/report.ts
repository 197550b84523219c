// What every output format reads: the findings of each file linted, with the file's text (for code
// frames and fingerprints). Formatters are pure functions of these to text.
import type { Finding } from "../engine.js";
import type { Level } from "../rule.js";

export interface FileReport {
  /** The path as the user gave it or as found under a directory (`-` or --stdin-filename for standard input). */
  file: string;
  /** The text the findings were made from. */
  text: string;
  findings: readonly Finding[];
}

export interface FormatOptions {
  /** ANSI colour (tty only). */
  color?: boolean;
  /** dflint's version, for SARIF's tool.driver. */
  version?: string;
  /** Whether unsafe fixes count as available (--unsafe-fixes), for the tty summary. */
  unsafeFixes?: boolean;
}

/** A formatter: the reports of every file linted, in order, to the text to print. */
export type Formatter = (reports: readonly FileReport[], options?: FormatOptions) => string;

/** A finding's place, 1-based as editors and compilers print it (columns in UTF-16 code units, as LSP). */
export function place(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  const { start, end } = f.range;
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export const LEVEL_ORDER: readonly Level[] = ["error", "warning", "info", "style"];

/** How many findings there are at each level. */
export function countLevels(reports: readonly FileReport[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, info: 0, style: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.level]++;
  return counts;
}

/** The lines of a text, split as LSP counts them (`\n`, `\r\n` or a lone `\r`). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}
