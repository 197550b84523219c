// Hover through a real client: instructions, flags and --mount options, directives, rule codes in
// pragmas and check comments, variables with where they come from and their value, images, stages.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hover } from "vscode-languageserver-protocol/node";
import { fileUri, LspClient, root, START_TIMEOUT } from "./lsp-client.js";

const appPath = root + "fixtures/lsp/app.Dockerfile";
const app = readFileSync(appPath, "utf8");
const lines = app.split("\n");

describe("dflint lsp: hover", () => {
  let client: LspClient;
  const uri = fileUri(appPath);
  beforeAll(async () => {
    ({ client } = await LspClient.start());
    await client.open(uri, app);
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
  }, START_TIMEOUT);

  /** The hover at the first occurrence of `needle` on a line (plus `into` characters). */
  async function hoverAt(line: number, needle: string, into = 1, doc = uri): Promise<Hover | null> {
    const character = (doc === uri ? lines[line]! : needle).indexOf(needle) + into;
    return client.request<Hover | null>("textDocument/hover", { textDocument: { uri: doc }, position: { line, character: doc === uri ? character : into } });
  }
  const text = (h: Hover | null) => (h?.contents as { value: string } | undefined)?.value ?? "";

  it("documents an instruction, with its forms and a link to the reference", async () => {
    const h = await hoverAt(4, "FROM");
    expect(text(h)).toContain("**FROM**: Start a build stage from a base image.");
    expect(text(h)).toContain("FROM [--platform=<platform>] <image> [AS <name>]");
    expect(text(h)).toContain("https://docs.docker.com/reference/dockerfile/#from");
    expect(h?.range).toEqual({ start: { line: 4, character: 0 }, end: { line: 4, character: 4 } });
  });

  it("documents a flag, and each RUN --mount option and type", async () => {
    expect(text(await hoverAt(8, "--mount", 3))).toMatch(/^\*\*--mount\*\* \(RUN\): Mount a filesystem/);
    expect(text(await hoverAt(8, "cache", 2))).toBe("**type=cache**: A directory kept between builds, for package managers and compilers.");
    const target = await hoverAt(8, "target", 2);
    expect(text(target)).toMatch(/^\*\*target\*\* \(also dst, destination\), a --mount option/);
    expect(target?.range).toEqual({ start: { line: 8, character: 23 }, end: { line: 8, character: 41 } });
  });

  it("documents parser directives", async () => {
    expect(text(await hoverAt(0, "syntax"))).toContain("**syntax** parser directive");
  });

  it("says where a variable is declared and what it holds at that point", async () => {
    const inFrom = text(await hoverAt(4, "GO_VERSION"));
    expect(inFrom).toBe("`$GO_VERSION`: ARG on line 2, before the first FROM.\n\nValue here: `1.22`");
    const redeclared = text(await hoverAt(5, "GO_VERSION"));
    expect(redeclared).toContain("Takes its value from the global `GO_VERSION`.");
    expect(redeclared).toContain("Value here: `1.22`");
    const inShell = text(await hoverAt(11, "$GO_VERSION"));
    expect(inShell).toContain("ARG on line 6, in stage 'build'.");
    expect(inShell).toContain("The shell expands it when the command runs.");
    expect(text(await hoverAt(13, "BASE"))).toContain("Value here: `debian:12-slim`");
    expect(text(await hoverAt(20, "APP_HOME"))).toBe("`$APP_HOME`: ENV on line 20, in stage 'runtime'.\n\nValue here: `/var/lib/app`");
  });

  it("takes variable values from the editor's build args", async () => {
    const { client: other } = await LspClient.start({ settings: { buildArgs: { GO_VERSION: "1.23" } } });
    try {
      await other.open(uri, app);
      const h = await other.request<Hover>("textDocument/hover", { textDocument: { uri }, position: { line: 4, character: lines[4]!.indexOf("GO_VERSION") } });
      expect(text(h)).toContain("Value here: `1.23`");
    } finally {
      await other.stop();
    }
  });

  it("breaks an image reference down, with what its variables expand to", async () => {
    const h = text(await hoverAt(4, "golang"));
    expect(h).toContain("**Image** `golang:1.22-bookworm`");
    expect(h).toContain("Written `golang:${GO_VERSION}-bookworm`, which expands to `golang:1.22-bookworm`.");
    expect(h).toContain("| repository | library/golang |");
    expect(h).toContain("| tag | 1.22-bookworm |");
    expect(h).toContain("Pulls `docker.io/library/golang:1.22-bookworm`.");
  });

  it("describes a stage where it is named and where --from uses it", async () => {
    const named = text(await hoverAt(4, "build"));
    expect(named).toContain("**Stage** `build` (stage 0), line 5: built on `golang:1.22-bookworm`, 6 instructions.");
    expect(named).toContain("Used on line 16.");
    expect(text(await hoverAt(15, "build"))).toBe(named);
  });

  it("documents the rules a pragma or a check comment names", async () => {
    const doc = "untitled:pragmas";
    const source = "# check=skip=StageNameCasing\nFROM alpine:3.20\n# dflint ignore=DL3008, DL3009\nRUN apt-get install -y curl\nHEALTHCHECK NONE\n";
    await client.open(doc, source);
    const at = (line: number, character: number) => client.request<Hover>("textDocument/hover", { textDocument: { uri: doc }, position: { line, character } });
    const check = await at(0, 16);
    expect(text(check)).toMatch(/^\*\*DF201\*\* `stage-name-casing`/);
    expect(text(check)).toContain("https://docs.docker.com/reference/build-checks/stage-name-casing/");
    const second = await at(2, 25);
    expect(text(second)).toMatch(/^\*\*DL3009\*\* `apt-lists-not-cleaned`/);
    expect(second?.range).toEqual({ start: { line: 2, character: 24 }, end: { line: 2, character: 30 } });
    expect(text(await at(4, 13))).toContain("**HEALTHCHECK NONE**");
  });

  it("says a shell variable the file does not declare comes from the environment", async () => {
    const doc = "untitled:shell-vars";
    await client.open(doc, "FROM alpine:3.20\nRUN echo $HOME '$NOT_EXPANDED'\n");
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri: doc }, position: { line: 1, character: 11 } });
    expect(text(h)).toContain("`$HOME` is not declared by this Dockerfile");
    const quoted = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri: doc }, position: { line: 1, character: 20 } });
    expect(quoted).toBeNull();
  });
});
