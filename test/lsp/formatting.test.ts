// Formatting through a real client: the whole document as the formatter lays it out (with the
// editor's indentation unless the project's .dflint.yaml says otherwise), only the instructions a
// range touches, nothing for a file already formatted, heredoc bodies byte for byte.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TextEdit } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { format } from "../../src/format/format.js";
import { fileUri, LspClient, root, START_TIMEOUT } from "./lsp-client.js";

const messy = readFileSync(root + "fixtures/lsp/messy.Dockerfile", "utf8");

describe("dflint lsp: formatting", () => {
  let client: LspClient;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dflint-lsp-format-"));
    ({ client } = await LspClient.start());
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, START_TIMEOUT);

  const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create("untitled:x", "dockerfile", 1, text), edits);
  const formatting = (uri: string, options: object) => client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options });

  it("formats the document as the formatter does, with the editor's indentation, and then has nothing to change", async () => {
    const uri = "untitled:format-1";
    await client.open(uri, messy);
    const spaces = apply(messy, await formatting(uri, { tabSize: 2, insertSpaces: true }));
    expect(spaces).toBe(format(messy, { indent: 2 }).text);
    expect(spaces).not.toBe(messy);
    const tabs = apply(messy, await formatting(uri, { tabSize: 4, insertSpaces: false }));
    expect(tabs).toBe(format(messy, { indent: "tab" }).text);
    await client.change(uri, [{ text: spaces }]);
    expect(await formatting(uri, { tabSize: 2, insertSpaces: true })).toEqual([]);
  });

  it("keeps heredoc bodies byte for byte, ADD's included", async () => {
    const uri = "untitled:format-2";
    const text = "from alpine:3.20\nADD <<EOF /f\n   keep\nEOF\nRUN <<-SH\n\t  indented\n\tSH\n";
    await client.open(uri, text);
    const formatted = apply(text, await formatting(uri, { tabSize: 4, insertSpaces: true }));
    expect(formatted).toContain("ADD <<EOF /f\n   keep\nEOF\n");
    expect(formatted).toContain("RUN <<-SH\n\t  indented\n\tSH\n");
    expect(formatted.startsWith("FROM alpine:3.20\n")).toBe(true);
  });

  it("formats only the instructions a range touches", async () => {
    const uri = "untitled:format-3";
    const text = "FROM alpine:3.20\nRUN   echo  one\nWORKDIR   /app\nCMD [ \"a\" ]\n";
    await client.open(uri, text);
    const edits = await client.request<TextEdit[]>("textDocument/rangeFormatting", {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } },
      options: { tabSize: 4, insertSpaces: true },
    });
    expect(apply(text, edits)).toBe("FROM alpine:3.20\nRUN   echo  one\nWORKDIR /app\nCMD [ \"a\" ]\n");
  });

  it("takes the project's format settings over the editor's", async () => {
    const project = join(dir, "p");
    (await import("node:fs")).mkdirSync(project, { recursive: true });
    writeFileSync(join(project, ".dflint.yaml"), "format:\n  indent: 3\n");
    const uri = fileUri(join(project, "Dockerfile"));
    await client.open(uri, messy);
    const formatted = apply(messy, await formatting(uri, { tabSize: 8, insertSpaces: true }));
    expect(formatted).toBe(format(messy, { indent: 3 }).text);
  });

  it("leaves a file with syntax errors as it is", async () => {
    const uri = "untitled:format-4";
    await client.open(uri, "FROM alpine:3.20\nRUN <<EOF\nnever ends\n");
    expect(await formatting(uri, { tabSize: 4, insertSpaces: true })).toEqual([]);
  });
});
