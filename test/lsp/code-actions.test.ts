// Code actions through a real client: each fix as a quick fix, fix-all (as a quick fix and as
// source.fixAll), and the pragmas that ignore a rule on one instruction or in the whole file;
// every edit is applied and the result linted again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { fixAll } from "../../src/lint/fix-all.js";
import { lint } from "../../src/lint/engine.js";
import { LspClient, START_TIMEOUT } from "./lsp-client.js";

describe("dflint lsp: code actions", () => {
  let client: LspClient;
  beforeAll(async () => {
    ({ client } = await LspClient.start());
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
  }, START_TIMEOUT);

  let n = 0;
  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `untitled:actions-${++n}`;
    await client.open(uri, text);
    return { uri, diagnostics: (await client.waitForDiagnostics(uri)).diagnostics };
  }
  const actionsAt = (uri: string, d: Diagnostic, only?: string[]) =>
    client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });
  const apply = (text: string, uri: string, action: CodeAction) => TextDocument.applyEdits(TextDocument.create(uri, "dockerfile", 1, text), action.edit!.changes![uri] as TextEdit[]);

  it("offers a finding's safe fix as a preferred quick fix that resolves it", async () => {
    const text = 'FROM alpine:3.20\nCMD ["one"]\nCMD ["two"]\n';
    const { uri, diagnostics } = await open(text);
    const d = diagnostics.find((x) => x.code === "DL4003")!;
    const fix = (await actionsAt(uri, d)).find((a) => a.title.endsWith("(DL4003)"))!;
    expect(fix).toMatchObject({ kind: "quickfix", isPreferred: true, diagnostics: [d] });
    const fixed = apply(text, uri, fix);
    expect(fixed).toBe('FROM alpine:3.20\nCMD ["two"]\n');
    expect(lint(fixed).findings.map((f) => f.code)).not.toContain("DL4003");
  });

  it("ignores a rule for one instruction with a pragma above it, extending one that is there", async () => {
    const text = "FROM alpine:3.20\n  RUN apk add curl\n";
    const { uri, diagnostics } = await open(text);
    const d = diagnostics.find((x) => x.code === "DL3018")!;
    const ignore = (await actionsAt(uri, d)).find((a) => a.title === "Ignore DL3018 for this instruction")!;
    const once = apply(text, uri, ignore);
    expect(once).toBe("FROM alpine:3.20\n  # dflint ignore=DL3018\n  RUN apk add curl\n");
    const after = lint(once).findings.map((f) => f.code);
    expect(after).not.toContain("DL3018");
    // A second rule on the same line joins the same pragma.
    expect(after).toContain("DL3019");
    const { uri: uri2, diagnostics: again } = await open(once);
    const d2 = again.find((x) => x.code === "DL3019")!;
    const twice = apply(once, uri2, (await actionsAt(uri2, d2)).find((a) => a.title === "Ignore DL3019 for this instruction")!);
    expect(twice).toBe("FROM alpine:3.20\n  # dflint ignore=DL3018,DL3019\n  RUN apk add curl\n");
  });

  it("ignores a rule in the whole file below the parser directives", async () => {
    const text = "# syntax=docker/dockerfile:1\r\nFROM alpine\r\nFROM debian\r\n";
    const { uri, diagnostics } = await open(text);
    const d = diagnostics.find((x) => x.code === "DL3006")!;
    const action = (await actionsAt(uri, d)).find((a) => a.title === "Ignore DL3006 in this file")!;
    const fixed = apply(text, uri, action);
    expect(fixed).toBe("# syntax=docker/dockerfile:1\r\n# dflint global ignore=DL3006\r\nFROM alpine\r\nFROM debian\r\n");
    expect(lint(fixed).findings.map((f) => f.code)).not.toContain("DL3006");
    expect(lint(fixed).tree.directives.map((x) => x.name)).toEqual(["syntax"]);
  });

  it("fixes every safe problem at once: as a quick fix, and as source.fixAll the way dflint --fix does", async () => {
    const text = 'FROM alpine:3.20 as Build\nCMD ["a"]\nCMD ["b"]\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\nRUN apt install curl\n';
    const { uri, diagnostics } = await open(text);
    const d = diagnostics.find((x) => x.code === "DL4003")!;
    const quick = (await actionsAt(uri, d)).find((a) => a.title.startsWith("Fix all safe problems"))!;
    expect(quick.kind).toBe("quickfix");
    expect(apply(text, uri, quick)).toBe('FROM alpine:3.20 AS build\nCMD ["b"]\nENTRYPOINT ["y"]\nRUN apt install curl\n');
    const fixAllActions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll"] },
    });
    expect(fixAllActions).toHaveLength(1);
    expect(fixAllActions[0]!.kind).toBe("source.fixAll.dflint");
    expect(apply(text, uri, fixAllActions[0]!)).toBe(fixAll(text).text);
    const safeLeft = lint(apply(text, uri, fixAllActions[0]!)).findings.filter((f) => f.fix?.safety === "safe");
    expect(safeLeft).toEqual([]);
  });

  it("labels an unsafe fix as one that may change the build, and does not prefer it", async () => {
    const text = "FROM debian:12\nRUN apt update\n";
    const { uri, diagnostics } = await open(text);
    const unsafe = lint(text).findings.find((f) => f.fix?.safety === "unsafe");
    expect(unsafe).toBeDefined();
    const d = diagnostics.find((x) => x.code === unsafe!.code)!;
    const fix = (await actionsAt(uri, d)).find((a) => a.title.includes(`(${unsafe!.code})`))!;
    expect(fix.title).toMatch(/may change what is built$/);
    expect(fix.isPreferred).toBe(false);
  });

  it("offers no pragma when the configuration disregards them", async () => {
    const { client: strict } = await LspClient.start({ settings: { "disable-ignore-pragma": true } });
    try {
      const uri = "untitled:strict";
      await strict.open(uri, "FROM alpine\n");
      const { diagnostics } = await strict.waitForDiagnostics(uri);
      const actions = await strict.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } });
      expect(actions.filter((a) => a.title.startsWith("Ignore"))).toEqual([]);
    } finally {
      await strict.stop();
    }
  });
});
