// Diagnostics through a real client: every finding the linter makes, with codes, links, tags and
// related locations; published with the version after a debounce while typing; configured by
// .dflint.yaml/.hadolint.yaml (re-read when they change), by the editor's settings, and by
// .dockerignore for CopyIgnoredFile.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver-protocol/node";
import { lint } from "../../src/lint/engine.js";
import { fileUri, LspClient, root, START_TIMEOUT } from "./lsp-client.js";

const appPath = root + "fixtures/lsp/app.Dockerfile";
const app = readFileSync(appPath, "utf8");

describe("dflint lsp: diagnostics", () => {
  let client: LspClient;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dflint-lsp-"));
    ({ client } = await LspClient.start());
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, START_TIMEOUT);

  it("publishes every finding of the linter, with its range, level and code, for the opened version", async () => {
    const uri = fileUri(appPath);
    await client.open(uri, app, 7);
    const published = await client.waitForDiagnostics(uri);
    expect(published.version).toBe(7);
    const expected = lint(app).findings;
    expect(expected.length).toBeGreaterThan(3);
    const severity = { error: 1, warning: 2, info: 3, style: 4 } as const;
    expect(published.diagnostics.map((d) => [d.code, d.severity, d.range, d.message])).toEqual(
      expected.map((f) => [
        f.code,
        severity[f.level],
        { start: { line: f.range.start.line, character: f.range.start.character }, end: { line: f.range.end.line, character: f.range.end.character } },
        f.message,
      ]),
    );
    for (const d of published.diagnostics) expect(d.source).toBe("dflint");
  });

  it("links each rule to its documentation and points at the places a finding is about", async () => {
    const published = await client.waitForDiagnostics(fileUri(appPath));
    const byCode = (code: string) => published.diagnostics.find((d) => d.code === code)!;
    expect(byCode("DL3008").codeDescription?.href).toBe("https://github.com/hadolint/hadolint/wiki/DL3008");
    expect(byCode("DL3024").codeDescription?.href).toBe("https://docs.docker.com/reference/build-checks/duplicate-stage-name/");
    // The later `build` stage points at the first one, line 5 of the file.
    const duplicate = byCode("DL3024");
    expect(duplicate.range.start.line).toBe(25);
    expect(duplicate.relatedInformation).toEqual([
      { location: { uri: fileUri(appPath), range: { start: { line: 4, character: 38 }, end: { line: 4, character: 43 } } }, message: "The first stage named 'build'." },
    ]);
    // The second CMD points at the first, which has no effect.
    expect(byCode("DL4003").relatedInformation?.[0]).toMatchObject({ location: { range: { start: { line: 22, character: 0 } } }, message: "This CMD has no effect." });
    // dflint's own codes link to the page the package ships.
    const uri = fileUri(join(dir, "own-code.Dockerfile"));
    await client.open(uri, "FROM alpine:3.20\nFORM debian\n");
    const own = (await client.waitForDiagnostics(uri)).diagnostics.find((d) => d.code === "DF002")!;
    expect(own.codeDescription?.href).toBe(pathToFileURL(root + "docs/rules/DF002.md").href);
    expect(existsSync(fileURLToPath(own.codeDescription!.href))).toBe(true);
  });

  it("tags MAINTAINER as deprecated", async () => {
    const uri = fileUri(join(dir, "tags.Dockerfile"));
    await client.open(uri, "FROM alpine:3.20\nMAINTAINER someone\n");
    const { diagnostics } = await client.waitForDiagnostics(uri);
    expect(diagnostics.find((d) => d.code === "DL4000")?.tags).toEqual([2]);
  });

  it("publishes an opened document's diagnostics once, not again after a debounce", async () => {
    const uri = fileUri(join(dir, "opened.Dockerfile"));
    client.settings = { debounce: 50 };
    try {
      await client.open(uri, "FROM alpine:3.20\nRUN apt install curl\n");
      await client.waitForDiagnostics(uri);
      // Well past the debounce, during which a second publish of the same version would have come.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(client.diagnostics.get(uri)!.map((p) => p.version)).toEqual([1]);
    } finally {
      client.settings = undefined;
    }
  });

  it("lints again after a pause in typing, once for a burst of incremental changes", async () => {
    const uri = fileUri(join(dir, "typing.Dockerfile"));
    await client.open(uri, "FROM alpine:3.20\n");
    await client.waitForDiagnostics(uri);
    const before = client.diagnostics.get(uri)!.length;
    // Type "RUN apt install curl" on a new line, one keystroke at a time.
    const typed = "\nRUN apt install curl";
    let character = 16;
    let line = 0;
    let version = 1;
    for (const ch of typed) {
      version = await client.change(uri, [{ range: { start: { line, character }, end: { line, character } }, text: ch }]);
      if (ch === "\n") {
        line++;
        character = 0;
      } else character++;
    }
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
    expect(published.diagnostics.map((d) => d.code)).toContain("DL3027"); // apt, not apt-get
    // The keystrokes came faster than the debounce: far fewer lints than changes.
    expect(client.diagnostics.get(uri)!.length - before).toBeLessThan(typed.length / 2);
    expect(client.diagnostics.get(uri)!.every((p) => p.version !== undefined)).toBe(true);
  });

  it("answers an edit with provisional diagnostics at once, then with the whole file's", async () => {
    const uri = fileUri(join(dir, "provisional.Dockerfile"));
    const shell = 'SHELL ["/bin/ash", "-o", "pipefail", "-c"]';
    await client.open(uri, `FROM alpine:3.20\n${shell}\nRUN wget -O - https://example.com/a.tgz | tar xz\n`);
    await client.waitForDiagnostics(uri);
    // Without pipefail, the RUN two lines below fails to report a failing wget (DL4006): only a
    // whole-file lint sees what a SHELL does to later instructions.
    const version = await client.change(uri, [{ range: { start: { line: 1, character: 17 }, end: { line: 1, character: 33 } }, text: "" }]);
    const exact = await client.waitForDiagnostics(uri, (p) => p.version === version && codes(p.diagnostics).includes("DL4006"));
    const forVersion = client.diagnostics.get(uri)!.filter((p) => p.version === version);
    expect(forVersion.length).toBe(2);
    expect(codes(forVersion[0]!.diagnostics)).not.toContain("DL4006");
    expect(exact.diagnostics.find((d) => d.code === "DL4006")?.range.start.line).toBe(2);
  });

  it("takes the nearest .dflint.yaml, and lints again when it changes", async () => {
    const project = join(dir, "project");
    const sub = join(project, "svc");
    writeFileSync(join(dir, ".hadolint.yaml"), "ignored: [DL3007]\n");
    rmSync(sub, { recursive: true, force: true });
    (await import("node:fs")).mkdirSync(sub, { recursive: true });
    writeFileSync(join(project, ".dflint.yaml"), "ignored: [DL3006]\n");
    const uri = fileUri(join(sub, "Dockerfile"));
    await client.open(uri, "FROM alpine\nFROM debian:latest\n");
    const first = await client.waitForDiagnostics(uri);
    expect(codes(first.diagnostics)).not.toContain("DL3006"); // ignored by the nearest file
    expect(codes(first.diagnostics)).toContain("DL3007"); // the farther .hadolint.yaml is not read
    writeFileSync(join(project, ".dflint.yaml"), "ignored: [DL3007]\n");
    const second = await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes("DL3006"));
    expect(codes(second.diagnostics)).not.toContain("DL3007");
  });

  it("says once when a configuration file is broken, and lints with the defaults", async () => {
    const broken = join(dir, "broken");
    (await import("node:fs")).mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, ".dflint.yaml"), "ignore: [DL3006]\n");
    const uri = fileUri(join(broken, "Dockerfile"));
    await client.open(uri, "FROM alpine\n");
    const published = await client.waitForDiagnostics(uri);
    expect(codes(published.diagnostics)).toContain("DL3006");
    expect(client.messages.map((m) => m.message)).toEqual(expect.arrayContaining([expect.stringMatching(/unknown key 'ignore' \(did you mean 'ignored'\?\)/)]));
  });

  it("re-checks COPY against .dockerignore when it changes", async () => {
    const context = join(dir, "ctx");
    (await import("node:fs")).mkdirSync(context, { recursive: true });
    writeFileSync(join(context, ".dockerignore"), "# nothing ignored yet\n");
    const uri = fileUri(join(context, "Dockerfile"));
    await client.open(uri, "FROM alpine:3.20\nCOPY secrets.txt /etc/app/\n");
    const first = await client.waitForDiagnostics(uri);
    expect(codes(first.diagnostics)).not.toContain("DF213");
    writeFileSync(join(context, ".dockerignore"), "secrets.txt\n");
    const second = await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes("DF213"));
    expect(second.diagnostics.find((d) => d.code === "DF213")?.range.start.line).toBe(1);
  });
});

describe("dflint lsp: the editor's settings", () => {
  let client: LspClient;
  beforeAll(async () => {
    ({ client } = await LspClient.start({ settings: { ignored: ["DL3006"], override: { error: ["DL3007"] }, buildArgs: { BASE: "debian:latest" } } }));
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
  }, START_TIMEOUT);

  it("applies .dflint.yaml keys and build args from workspace/configuration, and re-reads them on change", async () => {
    const uri = "untitled:Dockerfile-1";
    await client.open(uri, "ARG BASE\nFROM $BASE\nFROM debian:latest\nFROM alpine\n");
    const first = await client.waitForDiagnostics(uri);
    expect(codes(first.diagnostics)).not.toContain("DL3006");
    expect(first.diagnostics.find((d) => d.code === "DL3007")).toMatchObject({ severity: 1, range: { start: { line: 2 } } });
    const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 7 } });
    expect(hover.contents.value).toContain("Value here: `debian:latest`");
    client.settings = { ignored: [] };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    const second = await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes("DL3006"));
    expect(second.diagnostics.find((d) => d.code === "DL3006")?.range.start.line).toBe(3);
  });

  it("reports a bad setting by name and keeps serving", async () => {
    client.settings = { ignored: "DL3006", debounce: "soon" };
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
    const uri = "untitled:Dockerfile-2";
    await client.open(uri, "FROM alpine\n");
    await client.waitForDiagnostics(uri);
    expect(client.messages.map((m) => m.message)).toEqual(expect.arrayContaining([expect.stringContaining("'debounce' must be a number")]));
  });
});

describe("dflint lsp: settings from initializationOptions, for clients without workspace/configuration", () => {
  it("uses them", async () => {
    const { client } = await LspClient.start({ capabilities: {}, initializationOptions: { dflint: { ignored: ["DL3006"] } } });
    try {
      const uri = "untitled:Dockerfile-3";
      await client.open(uri, "FROM alpine\nFROM debian:latest\n");
      const published = await client.waitForDiagnostics(uri);
      expect(codes(published.diagnostics)).toEqual(["DL3007"]);
    } finally {
      await client.stop();
    }
  });
});

function codes(list: Diagnostic[]): string[] {
  return list.map((d) => String(d.code));
}
