// What the formatter tests call "meaning kept", checked apart from the formatter's own self-check:
// BuildKit's AST dump (`dflint parse --format buildkit`) of the new text equals the old one's line for
// line, the directives and heredoc bodies are byte-identical, and where a dump line differs, the
// instruction is a shell-form command whose mvdan/sh syntax tree is the same before and after (or,
// for a command mvdan/sh cannot read, that differs only in separator blanks).
import { createRequire } from "node:module";
import type { ShParser, ShPrinter } from "mvdan-sh";
import { collapseSeparators } from "../../src/format/shell-spacing.js";
import { dumpInstruction, parse, type Instruction } from "../../src/index.js";

const sh = (createRequire(import.meta.url)("mvdan-sh") as typeof import("mvdan-sh")).syntax;
const parser: ShParser = sh.NewParser(sh.KeepComments(true), sh.Variant(sh.LangBash));
const printer: ShPrinter = sh.NewPrinter();

/** mvdan/sh's canonical print of a command (bash grammar), or null when it does not parse. */
export function shellTree(command: string): string | null {
  try {
    return printer.Print(parser.Parse(command, ""));
  } catch {
    return null;
  }
}

/**
 * Why two texts do not mean the same to BuildKit, or an empty list when they do. A shell-form command may
 * differ where mvdan/sh's syntax trees agree (`shell-trees`), or, faster, only in the width of its
 * separator blanks (`separators`, the formatter's documented rule without --shell).
 */
export function meaningDifferences(before: string, after: string, judge: "shell-trees" | "separators" = "shell-trees"): string[] {
  const a = parse(before).tree;
  const b = parse(after).tree;
  const problems: string[] = [];
  if (a.escape !== b.escape) problems.push(`escape ${a.escape} became ${b.escape}`);
  const directives = (t: typeof a) => t.directives.map((d) => `${d.name}=${d.value}`).join("\n");
  if (directives(a) !== directives(b)) problems.push("the directives changed");
  if (a.instructions.length !== b.instructions.length) {
    problems.push(`${a.instructions.length} instructions became ${b.instructions.length}`);
    return problems;
  }
  a.instructions.forEach((x, i) => {
    const y = b.instructions[i]!;
    const bodies = (ins: Instruction) => ins.heredocs.map((h) => `${h.name}:${h.content}`).join("\0");
    if (bodies(x) !== bodies(y)) problems.push(`line ${x.startLine}: a heredoc body changed`);
    if (x.comments.join("\n") !== y.comments.join("\n")) problems.push(`line ${x.startLine}: the comments above it changed`);
    const [dx, dy] = [dumpInstruction(x), dumpInstruction(y)];
    if (dx === dy) return;
    const cx = command(x);
    const cy = command(y);
    if (cx === null || cy === null || dumpInstruction(withoutCommand(x)) !== dumpInstruction(withoutCommand(y))) {
      problems.push(`line ${x.startLine}: ${dx} became ${dy}`);
      return;
    }
    // A command mvdan/sh cannot read (a quote left open) may only differ in the blanks it separates words with.
    const tx = judge === "shell-trees" ? shellTree(script(cx, x)) : null;
    const same = tx !== null ? tx === shellTree(script(cy, y)) : collapseSeparators(cx) === collapseSeparators(cy);
    if (!same) problems.push(`line ${x.startLine}: the shell command ${JSON.stringify(cx)} became ${JSON.stringify(cy)}`);
  });
  return problems;
}

// The shell-form command of an instruction (or of its ONBUILD trigger).
function command(ins: Instruction): string | null {
  const target = ins.trigger ?? ins;
  const arg = target.args[0];
  return target.form === "shell" && arg?.kind === "shell-command" ? arg.value : null;
}

// What the shell reads: the command, then the bodies of its heredocs, as BuildKit hands them over.
function script(command: string, ins: Instruction): string {
  return command + ins.heredocs.map((h) => "\n" + h.content + h.name).join("") + "\n";
}

// The instruction with its shell-form command emptied, to compare everything else.
function withoutCommand(ins: Instruction): Instruction {
  if (ins.trigger) return { ...ins, trigger: withoutCommand(ins.trigger) };
  return { ...ins, args: ins.args.map((a) => (a.kind === "shell-command" ? { ...a, value: "" } : a)) };
}

/** The text with every line break made CRLF. */
export function crlf(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}
