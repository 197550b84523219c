// An ARG's default is its value when no build arg names it: what FROM, the stage and every expansion
// see without --build-arg, and what a build arg replaces.
import { describe, expect, it } from "vitest";
import { analyze, parse, type AnalyzeOptions, type Instruction, type Model } from "../../src/index.js";

const model = (text: string, options?: AnalyzeOptions): Model => analyze(parse(text).tree, options);
/** The value of `name` that the instruction on 1-based `line` sees, or undefined when it sees none. */
const valueAt = (m: Model, line: number, name: string) => {
  const ins = m.tree.instructions.find((i: Instruction) => i.range.start.line === line - 1)!;
  const d = m.scopeAt(ins).get(name);
  return d === undefined ? undefined : d.value;
};

describe("an ARG's default without build args", () => {
  const text = ["ARG BASE=alpine", "ARG TAG=3.20", "FROM $BASE:$TAG", "ARG TAG", "ARG SUFFIX=-slim", "ENV IMAGE=${TAG}${SUFFIX}", "RUN true", ""].join("\n");

  it("is what FROM expands with", () => {
    const m = model(text);
    expect(valueAt(m, 3, "BASE")).toBe("alpine");
    expect(m.stages[0]!.baseText).toBe("alpine:3.20");
  });

  it("is what a stage's bare `ARG NAME` takes from the global ARG", () => {
    const m = model(text);
    expect(valueAt(m, 5, "TAG")).toBe("3.20");
  });

  it("is in effect from its own line on, and seen through ENV", () => {
    const m = model(text);
    expect(valueAt(m, 5, "SUFFIX")).toBeUndefined();
    expect(valueAt(m, 6, "SUFFIX")).toBe("-slim");
    expect(valueAt(m, 7, "IMAGE")).toBe("3.20-slim");
  });

  it("is expanded with the defaults before it", () => {
    const m = model("ARG A=1\nARG B=${A}-2\nFROM scratch\nARG B\nRUN true\n");
    expect(valueAt(m, 5, "B")).toBe("1-2");
  });

  it("gives way to a build arg, which the later defaults then expand with", () => {
    const m = model("ARG A=1\nARG B=${A}-2\nFROM scratch\nARG B\nRUN true\n", { buildArgs: { A: "9" } });
    expect(valueAt(m, 5, "B")).toBe("9-2");
    const n = model(text, { buildArgs: { TAG: "edge", SUFFIX: "" } });
    expect(n.stages[0]!.baseText).toBe("alpine:edge");
    expect(valueAt(n, 7, "IMAGE")).toBe("edge");
  });

  it("is missing for an ARG without one: it is declared but has no value", () => {
    const m = model("FROM scratch\nARG VERSION\nRUN true\n");
    const d = m.scopeAt(m.tree.instructions[2]!).get("VERSION");
    expect(d).toMatchObject({ kind: "arg", rawValue: null, value: null });
  });
});
