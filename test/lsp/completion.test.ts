// Completion through a real client: instructions with snippets, flags per instruction and their
// values, --mount types and options, stage names, ARG/ENV names after $ and ${, directives,
// rule codes in pragmas and check comments, heredoc delimiters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompletionItem, CompletionList } from "vscode-languageserver-protocol/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LspClient, START_TIMEOUT } from "./lsp-client.js";

describe("dflint lsp: completion", () => {
  let client: LspClient;
  beforeAll(async () => {
    ({ client } = await LspClient.start());
  }, START_TIMEOUT);
  afterAll(async () => {
    await client?.stop();
  }, START_TIMEOUT);

  let n = 0;
  /** Completions at the end of `text` (or at `|` in it). */
  async function complete(source: string): Promise<CompletionItem[]> {
    const at = source.includes("|") ? source.indexOf("|") : source.length;
    const text = source.replace("|", "");
    const uri = `untitled:completion-${++n}`;
    await client.open(uri, text);
    const position = TextDocument.create(uri, "dockerfile", 1, text).positionAt(at);
    const list = await client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position });
    return list.items;
  }
  const labels = (items: CompletionItem[]) => items.map((i) => i.label);
  /** The text after accepting an item (its textEdit), snippets left as written. */
  function accept(source: string, item: CompletionItem): string {
    const text = source.replace("|", "");
    const doc = TextDocument.create("untitled:x", "dockerfile", 1, text);
    return TextDocument.applyEdits(doc, [item.textEdit as { range: never; newText: string }]);
  }

  it("offers every instruction, FROM and ARG first before any FROM, with snippets", async () => {
    const items = await complete("");
    expect(labels(items).sort()).toEqual(["ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"]);
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    expect(labels(sorted).slice(0, 2)).toEqual(["ARG", "FROM"]);
    const from = items.find((i) => i.label === "FROM")!;
    expect(from.insertTextFormat).toBe(2);
    expect(from.textEdit).toMatchObject({ newText: "FROM ${1:image}:${2:tag}${3: AS ${4:name}}" });
    expect(items.find((i) => i.label === "MAINTAINER")!.tags).toEqual([1]);
  });

  it("completes a half-typed keyword in place, and only valid triggers after ONBUILD", async () => {
    const items = await complete("FROM alpine:3.20\nWORKD");
    expect(accept("FROM alpine:3.20\nWORKD", items.find((i) => i.label === "WORKDIR")!)).toBe("FROM alpine:3.20\nWORKDIR ${1:/app}");
    const triggers = labels(await complete("FROM alpine:3.20\nONBUILD "));
    expect(triggers).toContain("RUN");
    expect(triggers).not.toContain("FROM");
    expect(triggers).not.toContain("ONBUILD");
    expect(triggers).not.toContain("MAINTAINER");
  });

  it("offers the flags an instruction takes, without the ones already given", async () => {
    expect(labels(await complete("FROM alpine:3.20\nRUN --"))).toEqual(["--mount", "--network", "--security", "--device"]);
    expect(labels(await complete("FROM alpine:3.20\nCOPY --link --"))).toEqual(["--from", "--chown", "--chmod", "--parents", "--exclude"]);
    expect(labels(await complete("FROM alpine:3.20\nCOPY --exclude=a --"))).toContain("--exclude"); // a list flag repeats
    expect(labels(await complete("FROM alpine:3.20\nWORKDIR --"))).toEqual([]);
    const network = await complete("FROM alpine:3.20\nRUN --network=");
    expect(labels(network)).toEqual(["default", "none", "host"]);
  });

  it("completes --mount types, the options of the mount's type, and their values", async () => {
    expect(labels(await complete("FROM alpine:3.20\nRUN --mount=type="))).toEqual(["bind", "cache", "tmpfs", "secret", "ssh"]);
    const cache = labels(await complete("FROM alpine:3.20\nRUN --mount=type=cache,"));
    expect(cache).toEqual(expect.arrayContaining(["target", "id", "sharing", "from", "source", "mode", "uid", "gid", "readonly"]));
    expect(cache).not.toContain("size"); // tmpfs only
    expect(cache).not.toContain("type"); // given already
    const secret = labels(await complete("FROM alpine:3.20\nRUN --mount=type=secret,id=npm,"));
    expect(secret).toEqual(expect.arrayContaining(["env", "required", "target"]));
    expect(secret).not.toContain("id");
    expect(labels(await complete("FROM alpine:3.20\nRUN --mount=type=cache,sharing="))).toEqual(["shared", "private", "locked"]);
    const from = await complete("FROM alpine:3.20 AS deps\nFROM alpine:3.20\nRUN --mount=type=bind,from=");
    expect(labels(from)).toEqual(["deps"]);
  });

  it("offers earlier stages after FROM and in COPY --from (with indices), never the stage itself", async () => {
    const text = "FROM golang:1.22 AS build\nFROM alpine:3.20 AS Tools\nFROM scratch AS final\nCOPY --from=";
    expect(labels(await complete(text))).toEqual(["build", "0", "Tools", "1"]);
    expect(labels(await complete("FROM golang:1.22 AS build\nFROM "))).toEqual(expect.arrayContaining(["build", "scratch"]));
    expect(labels(await complete("FROM golang:1.22 AS build\nFROM build "))).toEqual(["AS"]);
  });

  it("offers the ARG and ENV names visible at the line after $ and ${, closing the brace", async () => {
    const base = "ARG GLOBAL=1\nFROM alpine:3.20\nARG VERSION=2.0\nENV APP_HOME=/app\n";
    const plain = await complete(base + "RUN echo $");
    expect(labels(plain)).toEqual(expect.arrayContaining(["VERSION", "APP_HOME"]));
    expect(labels(plain)).not.toContain("GLOBAL"); // a global ARG is not visible in a stage until declared there
    expect(plain.find((i) => i.label === "VERSION")!.detail).toBe("ARG = 2.0");
    const braced = await complete(base + "WORKDIR ${AP");
    expect(accept(base + "WORKDIR ${AP", braced.find((i) => i.label === "APP_HOME")!)).toBe(base + "WORKDIR ${APP_HOME}");
    const before = labels(await complete("ARG GLOBAL=1\nFROM alpine:${"));
    expect(before).toEqual(expect.arrayContaining(["GLOBAL", "TARGETPLATFORM"]));
    expect(labels(await complete("ARG GLOBAL=1\nFROM alpine:3.20\nARG "))).toEqual(["GLOBAL"]);
  });

  it("offers parser directives at the top only, pragmas anywhere, and rule codes after ignore=", async () => {
    expect(labels(await complete("# "))).toEqual(expect.arrayContaining(["syntax", "escape", "check", "dflint ignore="]));
    const below = labels(await complete("FROM alpine:3.20\n# "));
    expect(below).not.toContain("syntax");
    expect(below).toContain("dflint global ignore=");
    const codes = await complete("FROM alpine:3.20\n# hadolint ignore=DL3008,DL30");
    expect(labels(codes)).toEqual(expect.arrayContaining(["DL3008", "DL3009", "DF203"]));
    expect(codes.find((i) => i.label === "DL3009")!.textEdit).toMatchObject({ range: { start: { line: 1, character: 25 }, end: { line: 1, character: 29 } }, newText: "DL3009" });
    const checks = labels(await complete("# check=skip="));
    expect(checks).toEqual(expect.arrayContaining(["StageNameCasing", "UndefinedVar", "all"]));
    expect(labels(await complete("# check="))).toEqual(["skip=", "error=", "experimental="]);
  });

  it("offers a heredoc's delimiter inside its body, and markers after <<", async () => {
    expect(labels(await complete("FROM alpine:3.20\nRUN <<SCRIPT\necho hi\nSC"))).toEqual(["SCRIPT"]);
    expect(labels(await complete("FROM alpine:3.20\nCOPY <<"))).toEqual(["<<EOF", "<<EOT"]);
  });

  it("offers HEALTHCHECK's CMD and NONE with its flags, and signals for STOPSIGNAL", async () => {
    expect(labels(await complete("FROM alpine:3.20\nHEALTHCHECK "))).toEqual(expect.arrayContaining(["CMD", "NONE", "--interval", "--retries"]));
    expect(labels(await complete("FROM alpine:3.20\nSTOPSIGNAL "))).toContain("SIGQUIT");
  });

  it("answers plain text to clients without snippets", async () => {
    const { client: plain } = await LspClient.start({ capabilities: {} });
    try {
      await plain.open("untitled:plain", "");
      const list = await plain.request<CompletionList>("textDocument/completion", { textDocument: { uri: "untitled:plain" }, position: { line: 0, character: 0 } });
      expect(list.items.every((i) => i.insertTextFormat !== 2 && !(i.textEdit as { newText: string }).newText.includes("$"))).toBe(true);
    } finally {
      await plain.stop();
    }
  });
});
