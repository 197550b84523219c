// The CLI's V8 code cache (bin/dflint.js) is never a failure point: with no cache, the shipped one, a user
// cache, or a damaged, foreign or unwritable one, `dflint FILE` prints the same and `dflint lsp` publishes
// the same diagnostics. The cases run a copy of the built CLI in a directory of their own, so that its
// shipped caches can be damaged; they run in order, each from the caches the one before left, and ask
// DFLINT_CODE_CACHE=debug which cache was used.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { root } from "../lsp/lsp-client.js";

const temp = mkdtempSync(join(tmpdir(), "dflint-code-cache-"));
const install = join(temp, "dflint");
const bin = join(install, "bin", "dflint.js");
const shipped = join(install, "dist", "cli", "code-cache-cli.bin");
const userDir = join(temp, "cache", "dflint");
const dockerfile = join(temp, "Dockerfile");
const TEXT = "FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN cd /app\n";

beforeAll(() => {
  for (const part of ["bin", "dist/cli", "package.json"]) cpSync(join(root, part), join(install, part), { recursive: true });
  // The bundle requires its external dependencies (yaml, mvdan-sh) from node_modules above it.
  symlinkSync(join(root, "node_modules"), join(install, "node_modules"), "dir");
  writeFileSync(dockerfile, TEXT);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
  err: string;
  /** What bin/dflint.js said about the cache (DFLINT_CODE_CACHE=debug), apart from err. */
  cache: string[];
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: join(temp, "home"), XDG_CACHE_HOME: join(temp, "cache"), DFLINT_CODE_CACHE: "debug", ...extra };
}

function lint(extra: Record<string, string> = {}, args = ["--no-shellcheck", dockerfile]): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: temp, env: env(extra), encoding: "utf8", timeout: 60_000 });
  const lines = r.stderr.split("\n");
  const isCacheLine = (l: string) => l.startsWith("dflint: code cache: ");
  return { code: r.status, out: r.stdout, err: lines.filter((l) => !isCacheLine(l)).join("\n"), cache: lines.filter(isCacheLine).map((l) => l.slice(20)) };
}

function userCaches(kind: "cli" | "lsp"): string[] {
  try {
    return readdirSync(userDir).filter((f) => f.startsWith(kind + "-") && f.endsWith(".bin"));
  } catch {
    return [];
  }
}

/** Flips bytes in the middle of the V8 payload, leaving the file's length and headers as they were. */
function damage(file: string): void {
  const bytes = readFileSync(file);
  for (let i = 0; i < 64; i++) bytes[(bytes.length >> 1) + i]! ^= 0x5a;
  writeFileSync(file, bytes);
}

describe("dflint FILE with a code cache", () => {
  let plain: Run;
  beforeAll(() => {
    plain = lint({ DFLINT_CODE_CACHE: "off" });
  });
  const same = (r: Run) => expect({ code: r.code, out: r.out, err: r.err }).toEqual({ code: plain.code, out: plain.out, err: plain.err });

  it("lints without one", () => {
    expect(plain.code).toBe(1);
    expect(plain.out).toContain("DL3006");
    expect(plain.err).toBe("");
    expect(plain.cache).toEqual([]);
    expect(userCaches("cli")).toEqual([]);
  });

  it("prints the same with the shipped cache, and writes none of its own", () => {
    const r = lint();
    same(r);
    expect(r.cache).toEqual([`used ${shipped}`]);
    expect(userCaches("cli")).toEqual([]);
  });

  // The check reads crc32 from zlib's binding (process.binding, deprecated) unless that deprecation is to be
  // reported; then from node:zlib, with the same results.
  it("uses the shipped cache when deprecations are reported too, and prints no warning", () => {
    for (const extra of [{ NODE_PENDING_DEPRECATION: "1" }, { NODE_OPTIONS: "--pending-deprecation" }]) {
      const r = lint(extra);
      same(r);
      expect(r.cache).toEqual([`used ${shipped}`]);
    }
  });

  it("prints the same with a damaged shipped cache, then writes and uses a user cache", () => {
    damage(shipped);
    const first = lint();
    same(first);
    expect(first.cache[0]).toBe(`skipped ${shipped}: damaged`);
    expect(first.cache).toContain("none usable");
    const [written] = userCaches("cli");
    expect(first.cache.at(-1)).toBe(`wrote ${join(userDir, written!)}`);
    const second = lint();
    same(second);
    expect(second.cache).toEqual([`used ${join(userDir, written!)}`]);
  });

  it("prints the same with a damaged, truncated or foreign user cache, and replaces it", () => {
    const file = join(userDir, userCaches("cli")[0]!);
    const good = readFileSync(file);
    const cases: Array<[string, () => void]> = [
      ["damaged", () => damage(file)],
      ["damaged", () => writeFileSync(file, good.subarray(0, good.length >> 1))],
      ["not a dflint code cache", () => writeFileSync(file, Buffer.from("#!/bin/sh\necho not a cache\n"))],
      // A cache of another bundle: V8 would take it, as it only compares the source's length.
      ["made for another build of dflint", () => writeFileSync(file, Buffer.concat([good.subarray(0, 12), Buffer.from([1, 2, 3, 4]), good.subarray(16)]))],
    ];
    for (const [why, spoil] of cases) {
      spoil();
      const r = lint();
      same(r);
      expect(r.cache, why).toEqual([`skipped ${file}: ${why}`, `skipped ${shipped}: damaged`, "none usable", `wrote ${file}`]);
      expect(lint().cache, `after ${why}`).toEqual([`used ${file}`]);
    }
  });

  it("prints the same when V8 rejects the cache (other V8 flags), and keeps one per set of flags", () => {
    const [mine] = userCaches("cli");
    const flagged = spawnSync(process.execPath, ["--max-semi-space-size=2", bin, "--no-shellcheck", dockerfile], { cwd: temp, env: env(), encoding: "utf8" });
    expect(flagged.stdout).toBe(plain.out);
    const other = userCaches("cli").find((f) => f !== mine);
    expect(other).toBeDefined();
    // The cache made under other flags, put where the plain run looks: its checksums hold, V8 says no.
    cpSync(join(userDir, other!), join(userDir, mine!));
    const r = lint();
    same(r);
    expect(r.cache).toEqual([`rejected by V8 ${join(userDir, mine!)}`, `wrote ${join(userDir, mine!)}`]);
    expect(lint().cache).toEqual([`used ${join(userDir, mine!)}`]);
  });

  it("prints the same when the cache cannot be written, and nothing about it", () => {
    rmSync(userDir, { recursive: true, force: true });
    writeFileSync(join(temp, "not-a-directory"), "");
    const r = lint({ XDG_CACHE_HOME: join(temp, "not-a-directory") });
    same(r);
    expect(r.cache.at(-1)).toMatch(/^could not write /);
    const quiet = lint({ XDG_CACHE_HOME: join(temp, "not-a-directory"), DFLINT_CODE_CACHE: "" });
    expect(quiet).toEqual({ ...plain, cache: [] });
  });

  it("writes no cache after --version or --help, which compile next to nothing", () => {
    rmSync(userDir, { recursive: true, force: true });
    expect(lint({}, ["--version"]).cache).toEqual([`skipped ${shipped}: damaged`, "none usable"]);
    expect(lint({}, ["lint", "--help"]).code).toBe(0);
    expect(userCaches("cli")).toEqual([]);
  });

  it("never writes into the installed package", () => {
    expect(readdirSync(join(install, "dist", "cli")).sort()).toEqual(["code-cache-cli.bin", "code-cache-lsp.bin", "dflint.cjs"]);
    expect(readdirSync(join(install, "bin")).sort()).toEqual(["dflint.js", "package.json"]);
  });
});

/** Starts `dflint lsp`, opens the Dockerfile, and returns its first diagnostics and the cache lines. */
async function firstDiagnostics(extra: Record<string, string> = {}): Promise<{ diagnostics: PublishDiagnosticsParams; cache: string[] }> {
  const child = spawn(process.execPath, [bin, "lsp", "--stdio"], { cwd: temp, env: env(extra), stdio: "pipe" });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(dockerfile).href;
  const published = new Promise<PublishDiagnosticsParams>((resolve) =>
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      if (p.uri === uri) resolve(p);
    }),
  );
  connection.onNotification("window/logMessage", () => {});
  connection.listen();
  // "close": the exit code, and standard error read to its end.
  const exited = new Promise((resolve) => child.once("close", resolve));
  try {
    await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(temp).href, capabilities: {} });
    await connection.sendNotification("initialized", {});
    await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "dockerfile", version: 1, text: TEXT } });
    // A server that dies (as V8 does on a damaged cache it was given) fails the test at once, saying why.
    const died = exited.then((code) => Promise.reject(new Error(`dflint lsp exited (${code}): ${err}`)));
    died.catch(() => {}); // after a normal exit, nobody waits for it
    const diagnostics = await Promise.race([published, died]);
    await connection.sendRequest("shutdown");
    await connection.sendNotification("exit");
    expect(await exited).toBe(0);
    return { diagnostics, cache: err.split("\n").filter((l) => l.startsWith("dflint: code cache: ")).map((l) => l.slice(20)) };
  } finally {
    connection.dispose();
    child.kill();
  }
}

describe("dflint lsp with a code cache", () => {
  const lspShipped = () => join(install, "dist", "cli", "code-cache-lsp.bin");

  it("publishes the same diagnostics with none, the shipped one, a damaged one, and its own", async () => {
    const plain = await firstDiagnostics({ DFLINT_CODE_CACHE: "off" });
    expect(plain.diagnostics.diagnostics.map((d) => d.code)).toContain("DL3006");
    expect(plain.cache).toEqual([]);

    const withShipped = await firstDiagnostics();
    expect(withShipped.diagnostics).toEqual(plain.diagnostics);
    expect(withShipped.cache).toEqual([`used ${lspShipped()}`]);

    damage(lspShipped());
    const withDamaged = await firstDiagnostics();
    expect(withDamaged.diagnostics).toEqual(plain.diagnostics);
    const [own] = userCaches("lsp");
    expect(withDamaged.cache).toEqual([`skipped ${lspShipped()}: damaged`, "none usable", `wrote ${join(userDir, own!)}`]);

    const withOwn = await firstDiagnostics();
    expect(withOwn.diagnostics).toEqual(plain.diagnostics);
    expect(withOwn.cache).toEqual([`used ${join(userDir, own!)}`]);
  }, 120_000);
});
