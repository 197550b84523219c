// The model on small Dockerfiles, one behaviour each, and on moby/moby's 59-stage Dockerfile.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { analyze, parse, type AnalyzeOptions, type Model } from "../../src/index.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

const model = (text: string, options?: AnalyzeOptions): Model => analyze(parse(text).tree, options);
const at = (m: Model, r: { start: { offset: number }; end: { offset: number } }) => m.tree.text.slice(r.start.offset, r.end.offset);
const codes = (m: Model) => m.diagnostics.map((d) => d.code);

describe("stages", () => {
  it("numbers and names stages, lower-casing names as BuildKit does", () => {
    const m = model("FROM alpine:3.20 AS Build\nFROM build\nFROM scratch AS out\n");
    expect(m.stages.map((s) => [s.index, s.name, s.nameAsWritten, s.base.kind])).toEqual([
      [0, "build", "Build", "image"],
      [1, null, null, "stage"],
      [2, "out", "out", "scratch"],
    ]);
    expect(at(m, m.stages[0]!.nameRange!)).toBe("Build");
    expect(m.stages[1]!.parent).toBe(m.stages[0]);
    expect(m.target).toBe(m.stages[2]);
  });

  it("parses the base image reference, after expanding global ARGs", () => {
    const m = model("ARG TAG=3.20\nFROM alpine:${TAG}\nFROM ghcr.io/org/app@sha256:" + "a".repeat(64) + "\n");
    const [a, b] = m.stages.map((s) => (s.base.kind === "image" ? s.base.reference : null));
    expect(a).toMatchObject({ domain: "docker.io", repository: "library/alpine", tag: "3.20", normalized: "docker.io/library/alpine:3.20" });
    expect(b).toMatchObject({ registry: "ghcr.io", path: "org/app", digest: "sha256:" + "a".repeat(64), tag: null });
  });

  it("expands --platform with the global and automatic args", () => {
    const m = model("FROM --platform=$BUILDPLATFORM golang AS build\n", { buildPlatform: "linux/arm64" });
    expect(m.stages[0]!.platform).toMatchObject({ raw: "$BUILDPLATFORM", value: "linux/arm64" });
  });

  it("keeps each stage's settings, inherited through FROM <stage>", () => {
    const text = [
      "FROM debian AS base",
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      "WORKDIR /app",
      "WORKDIR src/../lib",
      "USER 1000",
      "EXPOSE 80 8000-8010/udp",
      'LABEL a=1 "b c"="d e"',
      'CMD ["serve"]',
      "ONBUILD RUN make",
      "FROM base AS next",
      "WORKDIR sub",
      "",
    ].join("\n");
    const m = model(text);
    const [base, next] = m.stages;
    expect(base).toMatchObject({ shell: ["/bin/bash", "-o", "pipefail", "-c"], workdir: "/app/lib", user: "1000" });
    expect(base!.exposes.map((p) => [p.start, p.end, p.protocol])).toEqual([
      [80, 80, "tcp"],
      [8000, 8010, "udp"],
    ]);
    expect([...base!.labels]).toEqual([["a", "1"], ["b c", "d e"]]);
    expect(base!.cmd?.name).toBe("CMD");
    expect(base!.onbuild.map((i) => i.trigger?.name)).toEqual(["RUN"]);
    expect(next).toMatchObject({ shell: base!.shell, workdir: "/app/lib/sub", user: "1000" });
    expect(next!.cmd).toBe(base!.cmd);
  });
});

describe("the stage graph", () => {
  const text = [
    "FROM golang AS build",
    "FROM build AS test",
    "FROM alpine AS assets",
    "FROM scratch AS unused",
    "FROM alpine",
    "COPY --from=build /out /bin/",
    "COPY --from=2 /assets /assets",
    "RUN --mount=type=bind,from=test,target=/t true",
    "",
  ].join("\n");

  it("has edges for FROM <stage>, COPY --from (name or index) and RUN --mount from=", () => {
    const m = model(text);
    expect(m.edges.map((e) => [e.kind, e.from.index, e.to.name, at(m, e.range)])).toEqual([
      ["from", 1, "build", "build"],
      ["copy-from", 4, "build", "build"],
      ["copy-from", 4, "assets", "2"],
      ["mount-from", 4, "test", "type=bind,from=test,target=/t"],
    ]);
    const flag = m.stages[4]!.instructions[0]!.flags[0]!;
    expect(m.edgeAt(flag)?.to.name).toBe("build");
  });

  it("knows what a target needs and what nothing reaches", () => {
    const m = model(text);
    expect(m.stagesNeededBy(m.target!).map((s) => s.name ?? s.index)).toEqual(["build", "assets", "test", 4]);
    expect(m.unreachableStages.map((s) => s.name)).toEqual(["unused"]);
    const test = model(text, { target: "TEST" });
    expect(test.target?.name).toBe("test");
    expect(test.stagesNeededBy(test.target!).map((s) => s.name)).toEqual(["build", "test"]);
  });
});

describe("scopes", () => {
  it("shows global ARGs to FROM only, unless a stage declares them again", () => {
    const m = model("ARG V=1\nFROM alpine:$V\nENV A=$V\nARG V\nENV B=$V\n");
    const [from, envA, , envB] = m.tree.instructions.slice(1);
    expect(m.scopeAt(from!).get("V")?.kind).toBe("global-arg");
    expect(m.scopeAt(envA!).get("V")).toBeUndefined();
    const redeclared = m.scopeAt(envB!).get("V")!;
    expect(redeclared).toMatchObject({ kind: "arg", value: "1" });
    expect(redeclared.inherits?.kind).toBe("global-arg");
    expect(m.references.map((r) => [r.name, r.declaration?.kind ?? null])).toEqual([
      ["V", "global-arg"],
      ["V", null],
      ["V", "arg"],
    ]);
  });

  it("takes --build-arg values over defaults", () => {
    const m = model("ARG V=1\nFROM alpine:$V\nARG W=2\n", { buildArgs: { V: "9", W: "8" } });
    expect(m.stages[0]!.baseText).toBe("alpine:9");
    expect(m.declarations.map((d) => [d.name, d.value])).toEqual([
      ["V", "9"],
      ["W", "8"],
    ]);
  });

  it("needs an ARG for the automatic platform args inside a stage", () => {
    const m = model("FROM alpine\nENV A=$TARGETARCH\nARG TARGETARCH\nENV B=$TARGETARCH\n", { platform: "linux/arm64/v8" });
    expect(m.references.map((r) => [r.name, r.declaration?.value ?? null])).toEqual([
      ["TARGETARCH", null],
      ["TARGETARCH", "arm64"],
    ]);
  });

  it("passes ENV and ARG on through FROM <stage>, ENV winning over ARG", () => {
    const m = model("FROM alpine AS a\nARG X=arg\nENV Y=env\nFROM a\nENV Z=$X-$Y\nENV X=env-x\nLABEL l=$X\n");
    expect(m.stages[1]!.labels.get("l")).toBe("env-x");
    expect(m.declarations.find((d) => d.name === "Z")?.value).toBe("arg-env");
  });

  it("expands every pair of one ENV against the environment before it", () => {
    const m = model("FROM scratch\nENV A=old\nENV A=new B=$A\n");
    expect(m.declarations.map((d) => [d.name, d.value])).toEqual([
      ["A", "old"],
      ["A", "new"],
      ["B", "old"],
    ]);
  });
});

describe("variable references", () => {
  it("resolves each reference BuildKit expands, with the name's range", () => {
    const text = "FROM scratch\nARG DIR=/app\nWORKDIR ${DIR:-/}\nCOPY --chown=$UID:0 src $DIR/\nRUN echo $DIR\n";
    const m = model(text);
    expect(m.references.map((r) => [r.name, at(m, r.range), at(m, r.nameRange), r.operator, r.declaration?.name ?? null, r.isCertainlyUndefined])).toEqual([
      ["DIR", "${DIR:-/}", "DIR", ":-", "DIR", false],
      ["UID", "$UID", "UID", null, null, true],
      ["DIR", "$DIR", "DIR", null, "DIR", false],
    ]);
    expect(m.stages[0]!.workdir).toBe("/app");
  });

  it("finds references across continuations and in COPY heredocs, not in quoted-delimiter ones", () => {
    const text = 'FROM scratch\nENV A=1\nLABEL x=a$\\\nA\nCOPY <<EOF /f\nval=${A}\nEOF\nCOPY <<"EOF" /g\n$A\nEOF\n';
    const m = model(text);
    expect(m.references.map((r) => at(m, r.range))).toEqual(["$\\\nA", "${A}"]);
  });

  it("says when the base image's own environment might define a name", () => {
    const m = model("FROM debian\nENV PATH=/x:$PATH\nFROM scratch\nENV P=$PATH\n");
    expect(m.references.map((r) => [r.name, r.declaration, r.isCertainlyUndefined])).toEqual([
      ["PATH", null, false],
      ["PATH", null, true],
    ]);
  });
});

describe("bad input", () => {
  it("reports instructions before the first FROM, and a file without FROM", () => {
    const m = model("ARG A\nRUN x\nFROM a\n");
    expect(codes(m)).toEqual(["DF101"]);
    expect(at(m, m.diagnostics[0]!.range)).toBe("RUN");
    expect(codes(model("ARG A\n"))).toEqual(["DF102"]);
  });

  it("reports FROM with the wrong words and bad stage names", () => {
    expect(codes(model("FROM a b\n"))).toEqual(["DF103"]);
    expect(codes(model("FROM a AS 1st\n"))).toEqual(["DF104"]);
  });

  it("reports a stage built on itself, and COPY --from cycles", () => {
    const self = model("FROM base AS base\n");
    expect(codes(self)).toEqual(["DF107"]);
    const cycle = model("FROM alpine AS a\nCOPY --from=b / /\nFROM alpine AS b\nCOPY --from=a / /\n");
    expect(codes(cycle)).toEqual(["DF107"]);
  });

  it("allows COPY --from a later stage, but not a stage index that does not exist", () => {
    expect(codes(model("FROM alpine\nCOPY --from=later / /\nFROM alpine AS later\n"))).toEqual([]);
    const m = model("FROM alpine\nCOPY --from=7 / /\n");
    expect(codes(m)).toEqual(["DF108"]);
    expect(at(m, m.diagnostics[0]!.range)).toBe("7");
  });

  it("notes a --from that names no stage (pulled as an image)", () => {
    const m = model("FROM alpine\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n");
    expect(m.diagnostics.map((d) => [d.code, d.severity])).toEqual([["DF109", "info"]]);
  });

  it("reports ${ never closed, where it is", () => {
    const m = model("FROM alpine\nWORKDIR ${DIR\n");
    expect(codes(m)).toEqual(["DF106"]);
    expect(at(m, m.diagnostics[0]!.range)).toBe("${DIR");
  });

  it("reports a blank base image and an invalid reference", () => {
    expect(codes(model("ARG IMG\nFROM $IMG\n"))).toEqual(["DF105"]);
    expect(codes(model("FROM Alpine\n"))).toEqual(["DF105"]);
  });

  it("reports an ARG that refers to itself and an unknown target", () => {
    expect(codes(model("FROM alpine\nARG A=$A\n"))).toEqual(["DF111"]);
    expect(codes(model("FROM alpine\n", { target: "nope" }))).toEqual(["DF112"]);
  });

  it("handles 10,000 chained stages", () => {
    const lines = ["FROM alpine AS s0"];
    for (let i = 1; i < 10_000; i++) lines.push(`FROM s${i - 1} AS s${i}`, `COPY --from=s${i - 1} / /`);
    const m = model(lines.join("\n"));
    expect(m.stages).toHaveLength(10_000);
    expect(m.stagesNeededBy(m.target!)).toHaveLength(10_000);
    expect(m.diagnostics).toEqual([]);
  });

  it("never throws on any parsed input", () => {
    const alphabet = ["FROM ", "ARG ", "ENV ", "COPY ", "RUN ", "WORKDIR ", "ONBUILD ", "AS ", "a", "b", "$", "{", "}", ":-", "=", " ", "\n", "--from=", "--mount=from=", "0", "scratch", '"', "'", "\\", "<<EOF\n", "EOF\n"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), fc.string(), (parts, s) => {
        for (const text of [parts.join(""), s]) analyze(parse(text).tree, { target: "a", buildArgs: { a: "$b" } });
      }),
      { numRuns: 400 },
    );
  });
});

needsShared("the moby/moby model test");

describe("moby/moby's Dockerfile", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone"));
  const text = hasShared ? readFileSync(shared("corpus/real-world/moby__moby__Dockerfile"), "utf8") : "";

  it("has 59 stages and the stage graph BuildKit would build", () => {
    const m = model(text);
    expect(m.stages).toHaveLength(59);
    expect(m.diagnostics).toEqual([]);
    expect(m.target?.name).toBe("dev");
    const byName = (n: string) => m.stagesByName.get(n)!;
    // FROM lines that pick a stage through a global ARG: delve-${DELVE_SUPPORTED}, dev-firewalld-${FIREWALLD}.
    expect(byName("delve").parent?.name).toBe("delve-supported");
    expect(byName("dev-base").parent?.name).toBe("dev-firewalld-false");
    expect(m.stagesNeededBy(byName("dev")).map((s) => s.name)).toHaveLength(40);
    // binary copies from build; build is FROM base and copies from gowinres; base copies from xx.
    expect(m.stagesNeededBy(byName("binary")).map((s) => s.name)).toEqual(["xx", "base", "gowinres", "build", "binary"]);
    expect(m.unreachableStages.map((s) => s.name)).toContain("smoketest");
  });

  it("follows build args into the graph", () => {
    const m = model(text, { buildArgs: { FIREWALLD: "true", SYSTEMD: "true" } });
    expect(m.stagesByName.get("dev-base")!.parent?.name).toBe("dev-firewalld-true");
    expect(m.stagesNeededBy(m.target!).map((s) => s.name)).toContain("dev-systemd-true");
  });
});

describe("the shell at an instruction", () => {
  it("is the SHELL in force there, not the stage's last", () => {
    const m = model('FROM alpine AS a\nRUN echo 1\nSHELL ["/bin/bash", "-c"]\nRUN echo 2\nFROM a\nRUN echo 3\n');
    const runs = m.tree.instructions.filter((i) => i.name === "RUN");
    expect(runs.map((r) => m.shellAt(r))).toEqual([["/bin/sh", "-c"], ["/bin/bash", "-c"], ["/bin/bash", "-c"]]);
  });
});
