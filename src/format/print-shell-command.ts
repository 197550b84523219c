// `--shell`: a RUN's command laid out by mvdan/sh's printer (spacing, `a&&b` as `a && b`, one statement a
// line, `if`/`for` bodies on lines of their own), then written back as Dockerfile continuation lines and
// indented like any other command. Statements the printer puts on separate lines are joined with `;`,
// since a continuation joins lines without a break between them. The result is kept only when its
// syntax tree is the old command's; otherwise, or for what the printer cannot keep (comments, heredocs,
// line breaks inside quotes, the backquote escape, other shells), the default layout stands.
import { parse } from "../syntax/parse.js";
import type { Instruction } from "../syntax/tree.js";
import type { FlatInstruction } from "./flatten-instruction.js";
import type { InstructionContext, LaidOut } from "./print-instruction.js";
import { isSameShellTree, printShell } from "./shell-printer.js";
import { shellTokens, TokenFlag } from "./shell-structure.js";

type Reprint = (ins: Instruction, source: string) => string | null;

/** The instruction with its command printed by mvdan/sh, or null to keep the default layout. */
export function printShellCommand(ins: Instruction, flat: FlatInstruction, laidOut: LaidOut, context: InstructionContext, reprint: Reprint): string | null {
  const dialect = context.shellDialect;
  const arg = ins.args[0];
  if (!dialect || context.escape !== "\\" || arg?.kind !== "shell-command" || ins.heredocs.length > 0) return null;
  if (laidOut.shellAt < 0 || laidOut.hasKeptShellBreak || flat.joints.some((j) => j.comments.length > 0)) return null;
  const tokens = shellTokens(arg.value);
  if (tokens.count > 0 && tokens.flags[tokens.count - 1]! & TokenFlag.Comment) return null;

  const command = laidOut.text.slice(laidOut.shellAt).replace(/\r\n/g, "\n");
  const printed = printShell(command, dialect, 0, !laidOut.isTrailingStyle);
  if (printed === null) return null;
  const lines = printed.replace(/\n+$/, "").split("\n").map((l) => l.trim());
  let rewritten = laidOut.text.slice(0, laidOut.shellAt);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (i === lines.length - 1) {
      rewritten += line;
      break;
    }
    // The printer's own continuations (`a \` before `&& b`) become the Dockerfile's.
    if (line.endsWith("\\")) line = line.slice(0, -1).trimEnd();
    else if (!joinsWithoutSeparator(line)) line += ";";
    rewritten += line + " \\" + context.newline;
  }

  const reparsed = parse(rewritten);
  const again = reparsed.tree.instructions[0];
  if (reparsed.diagnostics.some((d) => d.severity === "error") || reparsed.tree.instructions.length !== 1 || again?.args[0]?.kind !== "shell-command") return null;
  if (!isSameShellTree(arg.value, again.args[0].value, dialect)) return null;
  return reprint(again, rewritten);
}

// A line after which the next one continues the same command list: it ends in an operator that takes
// more, or in a keyword that opens a body.
function joinsWithoutSeparator(line: string): boolean {
  if (/(&&|\|\||\||\|&|\(|\{|;;|;&|;;&)$/.test(line)) return true;
  if (line === "then" || line === "do" || line === "else" || line === "in") return true;
  if (/^(if|elif|while|until)\b.*[;\s](then|do)$/.test(line) || /^(for|select)\b.*[;\s]do$/.test(line)) return true;
  return /^case\b.*\sin$/.test(line);
}
