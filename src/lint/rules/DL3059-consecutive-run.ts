import type { Instruction, ShellCommand } from "../../syntax/tree.js";
import { defineRule, type RuleContext, type TextEdit } from "../rule.js";

// hadolint counts the commands of each RUN and stays quiet when either has more than two: a long
// chain next to another RUN is usually a deliberate layer split (cache boundaries).
const MAX_COMMANDS = 2;
const POSIX_SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"]);

// Statements of a script no POSIX parser reads (PowerShell, cmd, a heredoc with another shebang):
// pieces between `;`, `&&`, `||`, `&` and line breaks, outside quotes. Enough to tell one command
// from a script.
function roughCount(script: string): number {
  let n = 0;
  let piece = false;
  let quote = "";
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      if (c === quote) quote = "";
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === ";" || c === "&" || c === "\n" || (c === "|" && script[i + 1] === "|")) {
      if (piece) n++;
      piece = false;
      if (c !== "\n" && script[i + 1] === c) i++;
    } else if (c.trim() !== "") piece = true;
  }
  return n + (piece ? 1 : 0);
}

// null when the script could not be read: then the rule stays quiet rather than guess.
function commandCount(context: RuleContext, ins: Instruction): number | null {
  let n = 0;
  for (const s of context.scripts(ins)) {
    if (s.kind === "parsed") n += s.commands.filter((c) => c.name !== null).length;
    else if (s.reason === "syntax-error") return null;
    else if (s.reason === "exec-form") n += 1; // one program, no shell
    else {
      const arg = ins.args[0];
      // The command's value has its continuations joined; a heredoc body is read from the source.
      const isCommand = arg?.kind === "shell-command" && (!s.range || s.range.start.offset === arg.range.start.offset);
      const script = isCommand ? arg.value : s.range ? context.text.slice(s.range.start.offset, s.range.end.offset) : "";
      n += Math.max(1, roughCount(script));
    }
  }
  return n;
}

// RUN flags (--mount, --network, --security) in any order: hadolint compares them as sets.
const flagKey = (ins: Instruction) => ins.flags.map((f) => f.raw).sort().join("\n");

function shellCommand(ins: Instruction): ShellCommand | null {
  const arg = ins.args[0];
  return ins.form === "shell" && ins.heredocs.length === 0 && arg?.kind === "shell-command" ? arg : null;
}

// True when a script is one `&&` chain or pipeline: no `;`, `||`, lone `&` or line break outside
// quotes. Joined as `a && b`, a second script `b; c` would run `c` even when `a` failed (and pass
// the build on `c`'s status), and `b || c` would run `c`; so only plain chains are joined.
function isPlainChain(script: string): boolean {
  let quote = "";
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (quote) {
      if (c === quote) quote = "";
      else if (c === "\\" && quote === '"') i++;
      continue;
    }
    if (c === "\\") i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === ";" || c === "\n" || c === "#") return false;
    else if (c === "|" && script[i + 1] === "|") return false;
    else if (c === "&") {
      if (script[i + 1] !== "&") return false;
      i++;
    }
  }
  return true;
}

// Joins `RUN a` and `RUN b` into `RUN a && \ b`, only where that keeps the meaning of both (besides
// the shared shell state the fix's safety names): both shell form in a POSIX shell, no heredocs, a
// second command that is a plain chain (see above), and a first command that does not end in an
// operator, hold a `#` (which might start a comment and swallow the rest) or `exit` early. Comment
// lines between the two stay, inside the continuation, where BuildKit skips them; blank lines go, as
// BuildKit warns about empty continuation lines. A pragma between them would stop binding to its
// instruction, so then no fix.
function joinEdit(context: RuleContext, prev: Instruction, ins: Instruction): TextEdit[] | undefined {
  const a = shellCommand(prev);
  const b = shellCommand(ins);
  if (!a || !b) return undefined;
  const shell = context.model.stageOf(ins)?.shell[0] ?? "/bin/sh";
  if (!POSIX_SHELLS.has(shell.split(/[\\/]/).pop()!.replace(/\.exe$/i, ""))) return undefined;
  const escape = context.tree.escape;
  const first = a.value.trimEnd();
  if (first === "" || first.includes("#") || /[;&|]$/.test(first) || first.endsWith(escape) || /\bexit\b/.test(first)) return undefined;
  if (!isPlainChain(b.value)) return undefined;
  const { text } = context;
  let start = a.range.end.offset;
  while (start > a.range.start.offset && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
  const between = text.slice(prev.range.end.offset, ins.range.start.offset);
  const eol = between.includes("\r\n") ? "\r\n" : "\n";
  const comments = between.split(/\r?\n/).filter((line) => line.trim() !== "");
  if (comments.some((line) => !line.trim().startsWith("#") || /^#\s*(?:hadolint|dflint|check\s*=)/.test(line.trim()))) return undefined;
  const middle = comments.map((line) => line + eol).join("");
  return [{ start, end: b.range.start.offset, text: ` && ${escape}${eol}${middle}    ` }];
}

export default defineRule({
  code: "DL3059",
  name: "consecutive-run",
  level: "info",
  source: "hadolint",
  docs: {
    summary: "Join short consecutive RUN instructions.",
    rationale:
      "Each RUN makes a layer. Two short RUNs in a row with the same flags are usually one step, and joining them with `&&` saves a layer and lets cleanup in the same step shrink the image. hadolint leaves RUNs of more than two commands alone, as a deliberate split.",
    bad: "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl",
    good: "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl",
  },
  fix: {
    safety: "unsafe",
    why: "The second command then runs in the first one's shell: a `cd`, `export` or `set` in the first now applies to it.",
  },
  check(context) {
    const list = context.tree.instructions;
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const ins = list[i]!;
      // Only comment lines may sit between them; any other instruction (ONBUILD RUN included) separates them.
      if (ins.name !== "RUN" || prev.name !== "RUN") continue;
      if (flagKey(prev) !== flagKey(ins)) continue; // different mounts or network: a reason to split
      const before = commandCount(context, prev);
      const count = commandCount(context, ins);
      if (before === null || count === null || before > MAX_COMMANDS || count > MAX_COMMANDS) continue;
      context.report({
        range: ins.keyword.range,
        message: `RUN follows the RUN on line ${prev.range.start.line + 1}; consider joining them into one layer.`,
        edits: joinEdit(context, prev, ins),
      });
    }
  },
});
