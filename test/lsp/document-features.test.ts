// The whole-document features through a real client: the outline (stages holding their
// instructions), folding, semantic tokens (full and delta), links to image pages, inlay hints
// with build-arg values, and signature help.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  InlayHint,
  SemanticTokens,
  SemanticTokensDelta,
  SemanticTokensLegend,
  SignatureHelp,
  SymbolInformation,
} from "vscode-languageserver-protocol/node";
import { fileUri, LspClient, root, START_TIMEOUT } from "./lsp-client.js";

const appPath = root + "fixtures/lsp/app.Dockerfile";
const app = readFileSync(appPath, "utf8");
const lines = app.split("\n");
const uri = fileUri(appPath);

describe("dflint lsp: outline, folding, tokens, links, hints, signatures", () => {
  let client: LspClient;
  let legend: SemanticTokensLegend;
  beforeAll(async () => {
    let init;
    ({ client, init } = await LspClient.start());
    legend = (init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
    await client.open(uri, app);
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
  }, START_TIMEOUT);

  const whole = { textDocument: { uri } };

  it("outlines stages with their instructions as children", async () => {
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", whole);
    expect(symbols.map((s) => s.name)).toEqual(["# syntax", "ARG", "ARG", "build", "runtime", "build"]);
    const build = symbols[3]!;
    expect(build.detail).toBe("FROM golang:${GO_VERSION}-bookworm AS build");
    expect(build.range).toEqual({ start: { line: 4, character: 0 }, end: { line: 11, character: lines[11]!.length } });
    expect(build.children!.map((c) => c.name)).toEqual(["ARG", "WORKDIR", "COPY", "RUN", "COPY", "RUN"]);
    expect(build.children![0]!.children!.map((c) => c.name)).toEqual(["GO_VERSION"]);
    expect(symbols[4]!.children!.find((c) => c.name === "ENV")!.children!.map((c) => [c.name, c.detail])).toEqual([["APP_HOME", "/var/lib/app"]]);
  });

  it("flattens the outline, with containers, for clients without hierarchical symbols", async () => {
    const { client: flat } = await LspClient.start({ capabilities: {} });
    try {
      await flat.open(uri, app);
      const symbols = await flat.request<SymbolInformation[]>("textDocument/documentSymbol", whole);
      expect(symbols.find((s) => s.name === "WORKDIR")).toMatchObject({ containerName: "build", location: { range: { start: { line: 6 } } } });
      expect(symbols.filter((s) => s.name === "build")).toHaveLength(2);
    } finally {
      await flat.stop();
    }
  });

  it("folds stages, continued instructions and heredocs", async () => {
    const folds = await client.request<FoldingRange[]>("textDocument/foldingRange", whole);
    expect(folds).toEqual([
      { startLine: 4, endLine: 11, kind: "region" },
      { startLine: 8, endLine: 9 },
      { startLine: 13, endLine: 23, kind: "region" },
      { startLine: 16, endLine: 18 },
    ]);
  });

  it("tells stage names, variables, flags and mount options apart", async () => {
    const tokens = decode((await client.request<SemanticTokens>("textDocument/semanticTokens/full", whole)).data, legend);
    const tokenAt = (line: number, text: string) => tokens.find((t) => t.line === line && lines[line]!.slice(t.start, t.start + t.length) === text);
    expect(tokenAt(4, "FROM")).toMatchObject({ type: "keyword" });
    expect(tokenAt(4, "build")).toMatchObject({ type: "class", modifiers: ["declaration"] });
    expect(tokenAt(15, "build")).toMatchObject({ type: "class", modifiers: [] });
    expect(tokenAt(4, "${GO_VERSION}")).toMatchObject({ type: "variable" });
    expect(tokenAt(11, "$GO_VERSION")).toMatchObject({ type: "variable" });
    expect(tokenAt(8, "--mount")).toMatchObject({ type: "parameter" });
    expect(tokenAt(8, "type")).toMatchObject({ type: "property" });
    expect(tokenAt(8, "cache")).toMatchObject({ type: "enumMember" });
    expect(tokenAt(19, "APP_HOME")).toMatchObject({ type: "variable", modifiers: ["declaration"] });
    expect(tokenAt(0, "syntax")).toMatchObject({ type: "macro" });
    // Sorted, and no two tokens overlap.
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1]!, tokens[i]!];
      expect(b.line > a.line || (b.line === a.line && b.start >= a.start + a.length)).toBe(true);
    }
  });

  it("sends token deltas that turn the previous tokens into the current ones", async () => {
    const doc = "untitled:tokens";
    const text = "FROM alpine:3.20 AS base\nENV A=1\nRUN echo $A\n";
    await client.open(doc, text);
    const first = await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri: doc } });
    await client.change(doc, [{ range: { start: { line: 1, character: 4 }, end: { line: 1, character: 5 } }, text: "LONGER" }, { range: { start: { line: 2, character: 10 }, end: { line: 2, character: 11 } }, text: "LONGER" }]);
    const delta = await client.request<SemanticTokensDelta>("textDocument/semanticTokens/full/delta", { textDocument: { uri: doc }, previousResultId: first.resultId });
    expect(delta.edits.length).toBe(1);
    const patched = [...first.data];
    for (const e of [...delta.edits].reverse()) patched.splice(e.start, e.deleteCount, ...(e.data ?? []));
    const full = await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri: doc } });
    expect(patched).toEqual(full.data);
  });

  it("links images to their registry pages, but not images that depend on build args", async () => {
    const links = await client.request<DocumentLink[]>("textDocument/documentLink", whole);
    expect(links.map((l) => [l.range.start.line, l.target])).toEqual([
      [0, "https://hub.docker.com/r/docker/dockerfile"],
      [25, "https://hub.docker.com/_/alpine"],
    ]);
    const doc = "untitled:links";
    await client.open(doc, "FROM ghcr.io/acme/tool:1 AS t\nFROM quay.io/prometheus/node-exporter:v1.8.0\nCOPY --from=mcr.microsoft.com/dotnet/sdk:8.0 /x /x\nCOPY --from=t /a /a\n");
    const more = await client.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri: doc } });
    expect(more.map((l) => l.target)).toEqual(["https://ghcr.io/acme/tool", "https://quay.io/repository/prometheus/node-exporter", "https://mcr.microsoft.com/dotnet/sdk"]);
  });

  it("shows build-arg values and what a FROM with variables expands to", async () => {
    const hints = await client.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } } });
    expect(hints.map((h) => [h.position.line, h.label])).toEqual([
      [4, "= golang:1.22-bookworm"],
      [5, "= 1.22"],
      [11, "= 1.22"],
      [13, "= debian:12-slim"],
    ]);
    const only = await client.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 10, character: 0 }, end: { line: 12, character: 0 } } });
    expect(only.map((h) => h.position.line)).toEqual([11]);
  });

  it("shows the instruction's forms, the one in use and the parameter under the cursor", async () => {
    const doc = "untitled:signatures";
    await client.open(doc, 'FROM alpine:3.20@sha256:0\nCOPY --from=x a b\nRUN ["sh", "-c"]\nENV A=1\n');
    const help = (line: number, character: number) => client.request<SignatureHelp | null>("textDocument/signatureHelp", { textDocument: { uri: doc }, position: { line, character } });
    const from = (await help(0, 7))!;
    expect(from.signatures[from.activeSignature!]!.label).toBe("FROM [--platform=<platform>] <image>[@<digest>] [AS <name>]");
    const copy = (await help(1, 15))!;
    expect(copy.activeParameter).toBe(1);
    const copyDest = (await help(1, 17))!;
    const label = copyDest.signatures[0]!.label;
    const [s, e] = copyDest.signatures[0]!.parameters![copyDest.activeParameter!]!.label as [number, number];
    expect(label.slice(s, e)).toBe("<dest>");
    const run = (await help(2, 6))!;
    expect(run.signatures[run.activeSignature!]!.label).toBe('RUN [OPTIONS] ["executable", "param1", "param2"]');
    const env = (await help(3, 7))!;
    const [vs, ve] = env.signatures[0]!.parameters![env.activeParameter!]!.label as [number, number];
    expect(env.signatures[0]!.label.slice(vs, ve)).toBe("<value>");
    expect(await help(0, 2)).toBeNull(); // on the keyword itself
  });
});

function decode(data: number[], legend: SemanticTokensLegend) {
  const out: Array<{ line: number; start: number; length: number; type: string; modifiers: string[] }> = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    start = data[i]! === 0 ? start + data[i + 1]! : data[i + 1]!;
    const mods = legend.tokenModifiers.filter((_, bit) => data[i + 4]! & (1 << bit));
    out.push({ line, start, length: data[i + 2]!, type: legend.tokenTypes[data[i + 3]!]!, modifiers: mods });
  }
  return out;
}
