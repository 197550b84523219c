// ShellCheck in the editor through a real client: once a version is linted whole, its RUN scripts are checked
// by the shellcheck on PATH and a second publish adds the SC findings, exactly as `dflint lint` finds them;
// `shellcheck: false` in the configuration keeps it off.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { findShellcheck, shellcheckRunner } from "../../src/cli/run-shellcheck.js";
import { lint } from "../../src/lint/engine.js";
import { fileUri, LspClient, START_TIMEOUT } from "./lsp-client.js";

const shellcheckPath = findShellcheck();
const hasShellcheck = shellcheckPath !== null;
if (!hasShellcheck && process.env.CI === "true") {
  it("finds the shellcheck binary", () => {
    throw new Error("shellcheck is not on PATH; CI installs it (apt-get install shellcheck) and must run these tests");
  });
}

const TEXT = "FROM debian:12.5\nARG NAME=x\nRUN echo $NAME $1 && ls `pwd`\n";
const hasSc = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => /^SC\d+$/.test(String(d.code)));

describe("dflint lsp with ShellCheck (needs the shellcheck binary)", () => {
  beforeEach((ctx) => ctx.skip(!hasShellcheck, "shellcheck is not on PATH (a system package: .ci/run installs it, and CI fails without it)"));
  let client: LspClient;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "dflint-lsp-sc-"));
    ({ client } = await LspClient.start());
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, START_TIMEOUT);

  it("publishes ShellCheck's findings for the version after its first diagnostics, as dflint lint has them", async () => {
    const path = join(dir, "Dockerfile");
    writeFileSync(path, TEXT);
    const uri = fileUri(path);
    await client.open(uri, TEXT, 3);
    const first = await client.waitForDiagnostics(uri);
    expect(first.diagnostics.filter((d) => /^SC/.test(String(d.code)))).toEqual([]);
    const withSc = await client.waitForDiagnostics(uri, (p) => p.version === 3 && hasSc(p));
    const expected = lint(TEXT, { shellcheck: shellcheckRunner(shellcheckPath!) }).findings;
    expect(expected.some((f) => f.code === "SC2086")).toBe(true);
    expect(withSc.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message])).toEqual(
      expected.map((f) => [f.code, f.range.start.line, f.range.start.character, f.range.end.character, f.message]),
    );
  });

  it("checks an edited version again, and keeps ShellCheck off where the configuration says shellcheck: false", async () => {
    const path = join(dir, "Dockerfile");
    const uri = fileUri(path);
    const version = await client.change(uri, [{ text: TEXT.replace("ls `pwd`", "ls $(pwd)") }]);
    // While typing, the provisional diagnostics keep the earlier SC findings; ShellCheck's answer for the new text replaces them.
    const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === version && codes(p).includes("SC2046") && !codes(p).includes("SC2006"));
    expect(codes(after)).toContain("SC2086");

    const off = mkdtempSync(join(tmpdir(), "dflint-lsp-sc-off-"));
    try {
      writeFileSync(join(off, ".dflint.yaml"), "shellcheck: false\n");
      const offUri = fileUri(join(off, "Dockerfile"));
      await client.open(offUri, TEXT, 1);
      await client.waitForDiagnostics(offUri);
      // The same file elsewhere gets its SC findings within this time; here none may come.
      await new Promise((r) => setTimeout(r, 1500));
      expect((client.diagnostics.get(offUri) ?? []).some(hasSc)).toBe(false);
    } finally {
      rmSync(off, { recursive: true, force: true });
    }
  });
});
