// LintMemo holds what the rules of one lint share; a new lint starts empty, so no file sees another's results.
import { describe, expect, it } from "vitest";
import { LineIndex, parse } from "../../src/index.js";
import { runScripts } from "../../src/model/shell/parse-run.js";
import type { RunScript } from "../../src/model/shell/types.js";
import type { Instruction } from "../../src/syntax/tree.js";
import { LintMemo } from "../../src/lint/rules/util/lint-memo.js";
import { invocations } from "../../src/lint/rules/util/shell-commands.js";

describe("LintMemo", () => {
  it("computes a key once per lint, and again in the next lint", () => {
    const memo = new LintMemo<string, string[]>();
    const first = {};
    const second = {};
    let calls = 0;
    const compute = (key: string) => () => [key, String(++calls)];
    const a = memo.get(first, "a", compute("a"));
    expect(memo.get(first, "a", compute("a"))).toBe(a);
    expect(memo.get(first, "b", compute("b"))).toEqual(["b", "2"]);
    expect(calls).toBe(2);
    // A new lint: the same key is worked out afresh, from that lint's own objects.
    expect(memo.get(second, "a", compute("a"))).toEqual(["a", "3"]);
    expect(calls).toBe(3);
  });
});

describe("invocations", () => {
  // As lint() gives rules scripts(): one reading per RUN for the whole lint.
  function lintContext(text: string): { scripts: (ins: Instruction) => RunScript[]; runs: Instruction[] } {
    const { tree } = parse(text);
    const index = new LineIndex(text);
    const cache = new Map<Instruction, RunScript[]>();
    const scripts = (ins: Instruction) => {
      let s = cache.get(ins);
      if (!s) cache.set(ins, (s = runScripts(ins, text, index)));
      return s;
    };
    return { scripts, runs: tree.instructions.filter((i) => i.name === "RUN") };
  }

  it("are read once per RUN and lint, and each lint reads its own file", () => {
    const one = lintContext("FROM debian\nRUN sudo apt-get install -y curl\nRUN echo hi\n");
    const first = invocations(one, one.runs[0]!);
    expect(first.map((i) => i.program)).toEqual(["sudo", "apt-get"]);
    expect(invocations(one, one.runs[0]!)).toBe(first);
    expect(invocations(one, one.runs[1]!).map((i) => i.program)).toEqual(["echo"]);

    const two = lintContext("FROM debian\nRUN env A=1 pip install x\n");
    expect(invocations(two, two.runs[0]!).map((i) => i.program)).toEqual(["env", "pip"]);
    // Back to the first file's context: still its own answer (worked out again, not another file's).
    expect(invocations(one, one.runs[0]!).map((i) => i.program)).toEqual(["sudo", "apt-get"]);
  });
});
