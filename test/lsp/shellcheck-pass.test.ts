// The language server's ShellCheck pass runs when typing pauses, for the version current by then, and
// never twice at once for a document: versions typed past within the quiet time are never checked.
import { beforeEach, describe, expect, it } from "vitest";
import { findShellcheck } from "../../src/cli/run-shellcheck.js";
import { ShellcheckPass } from "../../src/lsp/shellcheck-pass.js";
import { LanguageService, type DocumentSettings, type ServiceDocument } from "../../src/service.js";

const hasShellcheck = findShellcheck() !== null;
if (!hasShellcheck && process.env.CI === "true") {
  it("finds the shellcheck binary", () => {
    throw new Error("shellcheck is not on PATH; CI installs it (apt-get install shellcheck) and must run these tests");
  });
}

const settings: DocumentSettings = { lint: {} };
const uri = "file:///project/Dockerfile";
const textOf = (version: number) => `FROM debian:12.5\nRUN echo $${version} && ls \`pwd\`\n`;
const hasSc = (service: LanguageService, doc: ServiceDocument) => service.diagnostics(doc, settings).diagnostics.some((d) => /^SC\d+$/.test(String(d.code)));

describe("the ShellCheck pass (needs the shellcheck binary)", () => {
  beforeEach((ctx) => ctx.skip(!hasShellcheck, "shellcheck is not on PATH (a system package: .ci/run installs it, and CI fails without it)"));
  it("checks only the version typed last, once the document rests", async () => {
    const service = new LanguageService();
    let current = 1;
    const published: number[] = [];
    const pass = new ShellcheckPass(service, (u, version) => u === uri && version === current, () => {}, 100);
    const docs: ServiceDocument[] = [];
    for (let version = 1; version <= 4; version++) {
      current = version;
      const doc = { uri, version, text: textOf(version) };
      docs.push(doc);
      service.diagnostics(doc, settings);
      pass.schedule(doc, settings, () => published.push(version));
      await new Promise((r) => setTimeout(r, 20)); // typing: less than the quiet time between keystrokes
    }
    await expect.poll(() => published, { timeout: 10_000 }).toEqual([4]);
    expect(hasSc(service, docs[3]!)).toBe(true);
    for (const doc of docs.slice(0, 3)) expect(hasSc(service, doc), `version ${doc.version}`).toBe(false);

    // A later version, once it rests, gets its own run.
    current = 5;
    const five = { uri, version: 5, text: textOf(5) };
    service.diagnostics(five, settings);
    pass.schedule(five, settings, () => published.push(5));
    await expect.poll(() => published, { timeout: 10_000 }).toEqual([4, 5]);
    pass.forget(uri);
  });
});
