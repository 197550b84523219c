// ShellCheck through lint()'s hook, with the real binary: which scripts it reads, the names declared to it,
// exact ranges back in the Dockerfile, and suppression, ignore lists and levels as for any rule.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { findShellcheck, shellcheckRunner } from "../../src/cli/run-shellcheck.js";
import { lint, type Finding, type LintOptions } from "../../src/lint/engine.js";
import type { ShellcheckHook, ShellcheckInput } from "../../src/lint/shellcheck-hook.js";

const shellcheckPath = findShellcheck();
const hasShellcheck = shellcheckPath !== null;
if (!hasShellcheck && process.env.CI === "true") {
  it("finds the shellcheck binary", () => {
    throw new Error("shellcheck is not on PATH; CI installs it (apt-get install shellcheck) and must run these tests");
  });
}

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/shellcheck/${name}`, import.meta.url), "utf8");

/** The real runner, recording what each call was given. */
function recordingHook(): { hook: ShellcheckHook; calls: ShellcheckInput[][] } {
  const real = shellcheckRunner(shellcheckPath!);
  const calls: ShellcheckInput[][] = [];
  return { calls, hook: (inputs) => (calls.push([...inputs]), real(inputs)) };
}

function lintSc(text: string, options: LintOptions = {}): Finding[] {
  const result = lint(text, { shellcheck: shellcheckRunner(shellcheckPath!), ...options });
  expect(result.shellcheckError).toBeUndefined();
  return result.findings.filter((f) => f.code.startsWith("SC"));
}

/** The text a finding's range covers. */
const covered = (text: string, f: Finding) => text.slice(f.range.start.offset, f.range.end.offset);

describe("ShellCheck findings (needs the shellcheck binary)", () => {
  beforeEach((ctx) => ctx.skip(!hasShellcheck, "shellcheck is not on PATH (a system package: .ci/run installs it, and CI fails without it)"));
  it("places SC2086 on the exact word of a continued RUN", () => {
    const text = fixture("continued-run.Dockerfile");
    const sc = lintSc(text);
    const at = text.indexOf("$target_dir");
    const sc2086 = sc.filter((f) => f.code === "SC2086");
    expect(sc2086).toHaveLength(1);
    expect(sc2086[0]).toMatchObject({ rule: "shellcheck", level: "info", message: expect.stringContaining("Double quote") });
    expect(sc2086[0]!.range.start).toEqual({ offset: at, line: 6, character: at - text.lastIndexOf("\n", at) - 1 });
    expect(covered(text, sc2086[0]!)).toBe("$target_dir");
  });

  it("declares the stage's ARG and ENV names and BuildKit's proxy args, not other stages' names", () => {
    const text = fixture("stages.Dockerfile");
    const sc2154 = lintSc(text).filter((f) => f.code === "SC2154");
    expect(sc2154.map((f) => covered(text, f))).toEqual(["$not_declared", "$goflags"]);
    // The second is the last stage's, where build's ARG is not in scope.
    expect(sc2154[1]!.range.start.line).toBe(text.split("\n").findIndex((l) => l === 'RUN echo "$goflags"'));
    // Without the declarations, ShellCheck would call every one of them unassigned.
    const undeclared = text.replace(/^(ARG|ENV) .*$/gm, "# ($1 removed)");
    const bare = lintSc(undeclared).filter((f) => f.code === "SC2154");
    expect(bare.map((f) => covered(undeclared, f))).toEqual(expect.arrayContaining(["$goflags", "$cgo_enabled"]));
  });

  it("maps heredoc bodies back, tabs of <<- and characters beyond the BMP included, and skips non-shell heredocs", () => {
    const text = fixture("heredocs.Dockerfile");
    const sc = lintSc(text);
    const words = sc.filter((f) => f.code === "SC2154").map((f) => covered(text, f));
    expect(words).toEqual(["$first", "$second", "$third", "$fed", "$not_a_script"]);
    const second = sc.find((f) => covered(text, f) === "$second")!;
    expect(second.range.start.character).toBe(text.split("\n")[2]!.indexOf("$second"));
    expect(words).not.toContain("$not_shell"); // a python3 heredoc
  });

  it("reads a bash SHELL stage as bash and leaves PowerShell and exec form alone", () => {
    const text = fixture("shells.Dockerfile");
    const { hook, calls } = recordingHook();
    const sc = lint(text, { shellcheck: hook }).findings.filter((f) => f.code.startsWith("SC"));
    // [[ ]] is undefined in POSIX sh: reported in the sh stage only.
    expect(sc.map((f) => [f.code, f.range.start.line + 1])).toEqual([["SC3010", 2]]);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.map((i) => i.shell)).toEqual(["sh", "bash"]);
    expect(calls[0]!.some((i) => i.script.includes("Write-Host") || i.script.includes("$unset"))).toBe(false);
  });

  it("hands every script of a file to one call", () => {
    const text = "FROM debian:12.5\nRUN echo $a\nRUN echo $b\nONBUILD RUN echo $c\n";
    const { hook, calls } = recordingHook();
    const sc = lint(text, { shellcheck: hook }).findings.filter((f) => f.code === "SC2086");
    expect(calls.map((c) => c.length)).toEqual([3]);
    expect(sc.map((f) => covered(text, f))).toEqual(["$a", "$b", "$c"]);
  });

  it("does not call the hook for a file without shell scripts", () => {
    const { hook, calls } = recordingHook();
    lint('FROM debian:12.5\nRUN ["true"]\nCMD ["sh"]\n', { shellcheck: hook });
    expect(calls).toEqual([]);
  });

  it("honours # hadolint ignore= pragmas, ignore lists and level overrides by SC code", () => {
    const text = "FROM debian:12.5\n# hadolint ignore=SC2086\nRUN echo $a\nRUN echo $b\n";
    expect(lintSc(text).filter((f) => f.code === "SC2086").map((f) => covered(text, f))).toEqual(["$b"]);
    expect(lintSc(text.replace("ignore=SC2086", "ignore=DL3059,SC2086")).filter((f) => f.code === "SC2086")).toHaveLength(1);
    expect(lintSc(text, { settings: { ignored: new Set(["SC2086"]) } }).filter((f) => f.code === "SC2086")).toEqual([]);
    const raised = lintSc(text, { settings: { overrides: new Map([["SC2086", "error" as const]]) } }).find((f) => f.code === "SC2086");
    expect(raised?.level).toBe("error");
    expect(lintSc(text, { settings: { disableIgnorePragma: true } }).filter((f) => f.code === "SC2086")).toHaveLength(2);
  });
});

describe("a failing ShellCheck", () => {
  const text = "FROM debian:12.5\nRUN echo $a\n";

  it("becomes shellcheckError, and the other rules still report", () => {
    const result = lint(text + "MAINTAINER me\n", {
      shellcheck: () => {
        throw new Error("spawn failed");
      },
    });
    expect(result.shellcheckError).toContain("spawn failed");
    expect(result.findings.map((f) => f.code)).toContain("DL4000");
  });

  it("reports a binary that is not ShellCheck by its exit status", () => {
    // node is a real program that rejects ShellCheck's options.
    const result = lint(text, { shellcheck: shellcheckRunner(process.execPath) });
    expect(result.shellcheckError).toMatch(/exited with status \d+/);
    expect(result.findings.some((f) => f.code.startsWith("SC"))).toBe(false);
  });
});
