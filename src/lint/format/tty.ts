// `--format tty`, the default on a terminal: each finding with its place, a code frame with the
// flagged range underlined, and a summary line. Colour only when asked (the CLI decides: a
// terminal, NO_COLOR, --color / --no-color).
import type { Finding } from "../engine.js";
import type { Level } from "../rule.js";
import type { FileReport, FormatOptions } from "./report.js";
import { countLevels, LEVEL_ORDER, place, splitLines } from "./report.js";
import { oneLine } from "./text.js";

const LEVEL_COLOR: Record<Level, string> = { error: "31", warning: "33", info: "36", style: "35" };
/** Lines of a multi-line range shown at most. */
const MAX_FRAME_LINES = 3;
/** Longer lines are cut to a window around the flagged range. */
const MAX_WIDTH = 140;

export function formatTty(reports: readonly FileReport[], options: FormatOptions = {}): string {
  const paint = (code: string, s: string) => (options.color && s ? `\x1b[${code}m${s}\x1b[0m` : s);
  let out = "";
  for (const { file, text, findings } of reports) {
    if (findings.length === 0) continue;
    const lines = splitLines(text);
    for (const f of findings) {
      const p = place(f);
      out += `${paint("1", `${file}:${p.line}:${p.column}`)}: ${paint(LEVEL_COLOR[f.level] + ";1", f.level)} ${paint("1", f.code)} ${oneLine(f.message)} ${paint("2", `[${f.rule}]`)}`;
      if (f.fix) out += paint("2", f.fix.safety === "safe" ? " (fixable)" : " (fixable with --unsafe-fixes)");
      out += "\n" + frame(f, lines, (s) => paint("2", s), (s) => paint(LEVEL_COLOR[f.level], s)) + "\n";
    }
  }
  return out + summary(reports, options, paint) + "\n";
}

function frame(f: Finding, lines: readonly string[], dim: (s: string) => string, mark: (s: string) => string): string {
  const { start, end } = f.range;
  // A range that ends at the start of a line (after a newline) does not flag that line.
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  const shown = Math.min(last, start.line + MAX_FRAME_LINES - 1);
  const gutter = String(shown + 1).length;
  let out = "";
  for (let l = start.line; l <= shown; l++) {
    const line = lines[l] ?? "";
    const from = l === start.line ? start.character : line.length - line.trimStart().length;
    const to = l === end.line ? end.character : line.length;
    const cut = crop(line, from, to);
    const number = String(l + 1).padStart(gutter);
    out += `${dim(` ${number} |`)} ${cut.text}\n`;
    // Keep the line's own tabs in the padding so the carets line up under them.
    const pad = cut.text.slice(0, cut.from).replace(/[^\t]/g, " ");
    const width = Math.max(1, cut.to - cut.from);
    out += `${dim(` ${" ".repeat(gutter)} |`)} ${pad}${mark("^".repeat(width))}\n`;
  }
  if (shown < last) out += dim(` ${" ".repeat(gutter)} | ...`) + "\n";
  return out;
}

/** A long line cut to a window around [from, to), with the range's new columns. */
function crop(line: string, from: number, to: number): { text: string; from: number; to: number } {
  const clean = line.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, " ");
  if (clean.length <= MAX_WIDTH) return { text: clean, from, to: Math.min(Math.max(to, from), clean.length + 1) };
  const begin = Math.max(0, Math.min(from - 20, clean.length - MAX_WIDTH));
  const finish = Math.min(clean.length, begin + MAX_WIDTH);
  const head = begin > 0 ? "..." : "";
  const text = head + clean.slice(begin, finish) + (finish < clean.length ? "..." : "");
  const shift = head.length - begin;
  return { text, from: from + shift, to: Math.min(Math.max(to, from), finish) + shift };
}

function summary(reports: readonly FileReport[], options: FormatOptions, paint: (code: string, s: string) => string): string {
  const counts = countLevels(reports);
  const total = LEVEL_ORDER.reduce((n, l) => n + counts[l], 0);
  const files = reports.length;
  const filesWord = `${files} file${files === 1 ? "" : "s"}`;
  if (total === 0) return paint("32;1", `No problems found in ${filesWord}.`);
  const withFindings = reports.filter((r) => r.findings.length > 0).length;
  const parts = LEVEL_ORDER.filter((l) => counts[l] > 0).map((l) => paint(LEVEL_COLOR[l], `${counts[l]} ${l}${counts[l] > 1 && l !== "info" && l !== "style" ? "s" : ""}`));
  let safe = 0;
  let unsafe = 0;
  for (const r of reports) for (const f of r.findings) if (f.fix) f.fix.safety === "safe" ? safe++ : unsafe++;
  let line = `${paint("1", `${total} problem${total > 1 ? "s" : ""}`)} (${parts.join(", ")}) in ${withFindings} of ${filesWord}.`;
  const fixable = options.unsafeFixes ? safe + unsafe : safe;
  if (fixable) line += ` ${fixable} fixable with --fix${options.unsafeFixes && unsafe ? " --unsafe-fixes" : ""}.`;
  if (!options.unsafeFixes && unsafe) line += ` ${unsafe} more with --fix --unsafe-fixes.`;
  return line;
}
