// Go to definition, find references, document highlight and rename through a real client, for
// stages, ARG/ENV names and heredoc delimiters; renames are applied and the result analysed again.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentHighlight, Location, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyze } from "../../src/model/analyze.js";
import { parse } from "../../src/syntax/parse.js";
import { fileUri, LspClient, root, START_TIMEOUT } from "./lsp-client.js";

const appPath = root + "fixtures/lsp/app.Dockerfile";
const app = readFileSync(appPath, "utf8");
const lines = app.split("\n");
const uri = fileUri(appPath);
const at = (line: number, needle: string, into = 1) => ({ line, character: lines[line]!.indexOf(needle) + into });
const span = (line: number, needle: string): Range => {
  const character = lines[line]!.indexOf(needle);
  return { start: { line, character }, end: { line, character: character + needle.length } };
};

describe("dflint lsp: definition, references, highlight, rename", () => {
  let client: LspClient;
  beforeAll(async () => {
    ({ client } = await LspClient.start());
    await client.open(uri, app);
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
  }, START_TIMEOUT);

  const ask = <T>(method: string, position: { line: number; character: number }, extra: object = {}, doc = uri) =>
    client.request<T>(method, { textDocument: { uri: doc }, position, ...extra });

  it("goes from a stage's use to its name, and from a variable to its declaration", async () => {
    expect(await ask<Location[]>("textDocument/definition", at(15, "build"))).toEqual([{ uri, range: span(4, "build") }]);
    expect(await ask<Location[]>("textDocument/definition", at(20, "APP_HOME"))).toEqual([{ uri, range: span(19, "APP_HOME") }]);
    // In the stage, GO_VERSION is the stage's ARG (which takes the global's value): both are its declarations.
    expect(await ask<Location[]>("textDocument/definition", at(11, "$GO_VERSION", 2))).toEqual([
      { uri, range: span(1, "GO_VERSION") },
      { uri, range: span(5, "GO_VERSION") },
    ]);
    expect(await ask<Location[]>("textDocument/definition", at(10, "COPY"))).toEqual([]);
  });

  it("finds every use of a variable, in FROM, in BuildKit's expansions and in shell code", async () => {
    const refs = await ask<Location[]>("textDocument/references", at(1, "GO_VERSION"), { context: { includeDeclaration: true } });
    expect(refs.map((l) => l.range)).toEqual([span(1, "GO_VERSION"), span(5, "GO_VERSION"), span(4, "GO_VERSION"), span(11, "GO_VERSION")]);
    const uses = await ask<Location[]>("textDocument/references", at(1, "GO_VERSION"), { context: { includeDeclaration: false } });
    expect(uses.map((l) => l.range)).toEqual([span(4, "GO_VERSION"), span(11, "GO_VERSION")]);
  });

  it("highlights a stage's name as written where declared and read where used", async () => {
    const highlights = await ask<DocumentHighlight[]>("textDocument/documentHighlight", at(4, "build"));
    expect(highlights).toEqual([
      { range: span(4, "build"), kind: 3 },
      { range: span(15, "build"), kind: 2 },
    ]);
  });

  it("renames a variable everywhere it is one variable, and the file means the same after", async () => {
    const edit = await ask<WorkspaceEdit>("textDocument/rename", at(11, "GO_VERSION"), { newName: "GOLANG_VERSION" });
    const renamed = apply(app, edit);
    expect(renamed).not.toContain("GO_VERSION");
    expect(renamed).toContain("ARG GOLANG_VERSION=1.22");
    expect(renamed).toContain('echo "built with $GOLANG_VERSION"');
    const model = analyze(parse(renamed).tree);
    expect(model.stages[0]!.baseText).toBe("golang:1.22-bookworm");
  });

  it("renames a stage with its uses, and prepares the rename on its name", async () => {
    expect(await ask("textDocument/prepareRename", at(15, "build"))).toEqual({ range: span(15, "build"), placeholder: "build" });
    const renamed = apply(app, await ask<WorkspaceEdit>("textDocument/rename", at(15, "build"), { newName: "compile" }));
    expect(renamed).toContain("AS compile\n");
    expect(renamed).toContain("COPY --from=compile ");
    expect(renamed).toContain("FROM alpine AS build\n"); // the later duplicate is another stage
  });

  it("renames a heredoc's delimiter in its marker and its terminator", async () => {
    const renamed = apply(app, await ask<WorkspaceEdit>("textDocument/rename", at(18, "EOF"), { newName: "CONF" }));
    expect(renamed).toContain("COPY <<CONF /etc/app.conf\nlisten=:8080\nCONF\n");
  });

  it("refuses a rename that would change the build, saying why", async () => {
    const refusal = async (position: { line: number; character: number }, newName: string) => {
      try {
        await ask("textDocument/rename", position, { newName });
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error(`renaming to ${newName} was accepted`);
    };
    expect(await refusal(at(4, "build"), "runtime")).toBe("Stage 'runtime' on line 14 already has that name.");
    expect(await refusal(at(4, "build"), "1st")).toMatch(/^'1st' is not a valid stage name/);
    expect(await refusal(at(4, "build"), "scratch")).toBe("'scratch' is reserved by BuildKit and cannot name a stage.");
    expect(await refusal(at(4, "build"), "alpine")).toBe("Line 26 uses 'alpine' as an image; naming a stage so would make it build that stage instead.");
    expect(await refusal(at(1, "GO_VERSION"), "BASE")).toBe("'BASE' is already declared on line 3.");
    expect(await refusal(at(1, "GO_VERSION"), "TARGETOS")).toBe("'TARGETOS' is predefined by BuildKit.");
    expect(await refusal(at(1, "GO_VERSION"), "go-version")).toMatch(/is not a valid variable name/);
    expect(await refusal(at(16, "EOF"), "listen=:8080")).toMatch(/not a good heredoc delimiter/);
  });

  it("refuses to rename what the file does not declare, and finds nothing on a keyword", async () => {
    const doc = "untitled:automatic";
    await client.open(doc, "FROM alpine:3.20\nARG TARGETOS\nRUN echo $TARGETOS\n");
    await expect(ask("textDocument/prepareRename", { line: 2, character: 12 }, {}, doc)).rejects.toThrow("'TARGETOS' is predefined by BuildKit and cannot be renamed.");
    expect(await ask("textDocument/prepareRename", { line: 0, character: 1 }, {}, doc)).toBeNull();
  });
});

function apply(text: string, edit: WorkspaceEdit): string {
  const edits = Object.values(edit.changes ?? {}).flat() as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, "dockerfile", 1, text), edits);
}
