// The formatter's self-check, given texts a buggy layout could produce: it passes a re-indented command
// and refuses any change BuildKit would read differently (a quoted blank, a flag, a heredoc body, a line
// running into the next, blanks under a non-POSIX shell), whatever it is told about the layout.
import { describe, expect, it } from "vitest";
import { changedInstructionsCheck } from "../../src/format/changed-instructions-check.js";
import { posixShellInstructions } from "../../src/format/posix-shell-instructions.js";
import { separatorMask } from "../../src/format/shell-spacing.js";
import { isSameShellTree } from "../../src/format/shell-printer.js";
import { parse } from "../../src/index.js";

/** The check's verdict on replacing the file's `index`-th instruction by `text`. */
function verdict(file: string, index: number, text: string, options: { shell?: boolean; hint?: number[] } = {}): string | null {
  const before = parse(file);
  const instruction = before.tree.instructions[index]!;
  const command = (instruction.trigger ?? instruction).args[0];
  const separators = command?.kind === "shell-command" && options.hint ? { mask: separatorMask(command.value), resized: options.hint } : null;
  const posixShell = posixShellInstructions(before.tree);
  const check = { posixShell, ...(options.shell ? { isSameShellTree } : {}) };
  return changedInstructionsCheck(before, [{ instruction, text, separators }], "\n", check)?.message ?? null;
}

const RUN = "FROM alpine:3.20\nRUN apk add curl &&  \\\n  echo \"a  b\"\n";

describe("the formatter's self-check", () => {
  it("passes a command whose separator blanks changed width", () => {
    expect(verdict(RUN, 1, "RUN apk add curl \\\n    && echo \"a  b\"")).toBeNull();
    expect(verdict(RUN, 1, "run apk   add curl && echo \"a  b\"")).toBeNull();
  });

  it("refuses a changed blank inside quotes, even when told the blanks there were resized", () => {
    expect(verdict(RUN, 1, 'RUN apk add curl && echo "a b"')).toBe("RUN on line 2: the shell command changed");
    expect(verdict(RUN, 1, 'RUN apk add curl && echo "a b"', { hint: [26, 28] })).toBe("RUN on line 2: the shell command changed");
  });

  it("refuses blanks removed between words, and words that changed", () => {
    expect(verdict(RUN, 1, 'RUN apk add curl&& echo "a  b"')).toBe("RUN on line 2: the shell command changed");
    expect(verdict(RUN, 1, 'RUN apk add wget && echo "a  b"')).toBe("RUN on line 2: the shell command changed");
  });

  it("refuses a new text that runs into the next line", () => {
    expect(verdict(RUN, 1, 'RUN apk add curl && echo "a  b" \\')).toBe("an instruction's new text does not end where the old one did");
  });

  it("refuses changed flags, keywords and values", () => {
    const file = "FROM alpine:3.20\nCOPY --chown=app /a /b\nENV A=1\n";
    expect(verdict(file, 1, "COPY --chown=root /a /b")).toBe("COPY on line 2: the flags changed");
    expect(verdict(file, 1, "ADD --chown=app /a /b")).toBe("COPY on line 2: the keyword changed");
    expect(verdict(file, 1, "copy   --chown=app   /a   /b")).toBeNull();
    expect(verdict(file, 2, "ENV A=2")).toBe("ENV on line 3: the value of 'A' changed");
  });

  it("refuses a changed heredoc body", () => {
    const file = "FROM alpine:3.20\nRUN <<EOF\n  indented\nEOF\n";
    expect(verdict(file, 1, "RUN <<EOF\nindented\nEOF")).toBe("RUN on line 2: the body of heredoc 'EOF' changed");
    expect(verdict(file, 1, "run <<EOF\n  indented\nEOF")).toBeNull();
  });

  it("refuses any blank changed in a command that a non-POSIX shell runs", () => {
    const file = 'FROM alpine:3.20\nSHELL ["pwsh", "-c"]\nRUN echo a &&  \\\n  echo b\n';
    expect(verdict(file, 2, "RUN echo a && \\\n    echo b")).toBe("RUN on line 3: the shell command changed");
  });

  it("with --shell, passes a command with the same shell syntax tree, and only then", () => {
    const file = "FROM alpine:3.20\nRUN a&&b\n";
    expect(verdict(file, 1, "RUN a && b")).toBe("RUN on line 2: the shell command changed");
    expect(verdict(file, 1, "RUN a && b", { shell: true })).toBeNull();
    expect(verdict(file, 1, "RUN a || b", { shell: true })).toBe("RUN on line 2: the shell command changed");
  });
});
