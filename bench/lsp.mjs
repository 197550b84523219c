// `npm run bench:lsp`: dflint's language server against docker-langserver
// (dockerfile-language-server-nodejs), both started fresh several times in the same run and spoken
// to over stdio by the same client. Measured:
//   - spawn to the first diagnostics of a typical Dockerfile (and `node -e 0`, for scale);
//   - on a 2,000-line Dockerfile, typing: edit to diagnostics (dflint's debounce set to 0, so none
//     is included; docker-langserver has none), and completion right after an edit (with dflint's
//     usual debounce, as when typing);
//   - memory: peak and final resident set of the server process.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath, pathToFileURL } from "node:url";
import protocol from "vscode-languageserver-protocol/node";
import { CA_NOTE, median, record, table, withoutExtraCaCerts } from "./report.mjs";

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;
const root = fileURLToPath(new URL("../", import.meta.url));
const STARTS = Number(process.env.LSP_BENCH_STARTS ?? 9);
const SESSIONS = Number(process.env.LSP_BENCH_SESSIONS ?? 3);
const EDITS = Number(process.env.LSP_BENCH_EDITS ?? 40);

const SERVERS = {
  dflint: [root + "bin/dflint.js", "lsp", "--stdio"],
  "docker-langserver": [root + "node_modules/dockerfile-language-server-nodejs/lib/server.js", "--stdio"],
};

const typical = readFileSync(root + "fixtures/examples/Dockerfile", "utf8");
const large = largeDockerfile(2000);

function largeDockerfile(lines) {
  // The example's stages again and again, each copy with its own stage names, to 2,000 lines.
  const parts = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const copy = typical.replace(/^# syntax=.*\n/, "").replace(/\bAS build\b/, `AS build${i}`).replace(/--from=build\b/, `--from=build${i}`).replace(/\bAS runtime\b/, `AS runtime${i}`);
    parts.push(copy);
    count += copy.split("\n").length - 1;
  }
  return "# syntax=docker/dockerfile:1\n" + parts.join("");
}

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** A server process with a client connection; `diagnostics(uri)` resolves on the next publish for uri. */
function startServer(name, env = process.env) {
  const t0 = performance.now();
  const child = spawn(process.execPath, SERVERS[name], { cwd: root, env, stdio: ["pipe", "pipe", "ignore"] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = [];
  const settings = { debounce: 0 };
  connection.onNotification("textDocument/publishDiagnostics", (p) => {
    const now = performance.now();
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i];
      if (w.uri === p.uri && (w.version === undefined || p.version === undefined || p.version === w.version)) {
        waiting.splice(i, 1);
        w.resolve({ at: now, count: p.diagnostics.length });
      }
    }
  });
  connection.onRequest("workspace/configuration", (p) => p.items.map((i) => (i.section === "dflint" ? settings : null)));
  connection.onRequest("client/registerCapability", () => null);
  connection.onNotification("window/logMessage", () => {});
  connection.onNotification("window/showMessage", () => {});
  connection.listen();
  return {
    t0,
    child,
    settings,
    connection,
    diagnostics: (uri, version) => new Promise((resolve) => waiting.push({ uri, version, resolve })),
    async initialize() {
      await connection.sendRequest("initialize", {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true }, textDocument: { completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: { versionSupport: true } } },
        initializationOptions: { debounce: 0 },
      });
      await connection.sendNotification("initialized", {});
    },
    open(uri, text, version = 1) {
      return connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "dockerfile", version, text } });
    },
    change(uri, version, changes) {
      return connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
    },
    memory() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
      return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
    },
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        await connection.sendRequest("shutdown");
        await connection.sendNotification("exit");
      } catch {
        child.kill();
      }
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
      connection.dispose();
    },
  };
}

/** Spawn, initialize, open a typical Dockerfile: milliseconds until its first diagnostics. */
async function firstDiagnostics(name, env = process.env) {
  const server = startServer(name, env);
  const uri = "file:///bench/Dockerfile";
  const published = server.diagnostics(uri);
  await server.initialize();
  await server.open(uri, typical);
  const { at } = await published;
  await server.stop();
  return at - server.t0;
}

/** One session on the 2,000-line file: edit latencies, completion latencies, memory. */
async function typingSession(name) {
  const server = startServer(name);
  await server.initialize();
  const uri = "file:///bench/large/Dockerfile";
  const opened = server.diagnostics(uri, 1);
  await server.open(uri, large);
  await opened;
  const lines = large.split("\n");
  // The last line of a RUN in the middle of the file, typed at its end.
  const line = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith("    go build"));
  const end = lines[line].length;
  const edits = [];
  const completions = [];
  let version = 1;
  let column = end;
  const edit = async (change) => {
    version++;
    const published = server.diagnostics(uri, version);
    const t = performance.now();
    await server.change(uri, version, [change]);
    return (await published).at - t;
  };
  const typeAt = (text) => {
    const change = { range: { start: { line, character: column }, end: { line, character: column } }, text };
    column += text.length;
    return change;
  };
  // Edit to diagnostics: type a word at the end of the line, a character at a time, each lint
  // awaited, then delete it again with backspace.
  const word = "abcdefghijklmnopqrstuvwxyz";
  for (let i = 0; i < EDITS; i++) edits.push(await edit(typeAt(word[i % word.length])));
  for (let i = 0; i < EDITS; i++) {
    column--;
    edits.push(await edit({ range: { start: { line, character: column }, end: { line, character: column + 1 } }, text: "" }));
  }
  // Completion after `$`, asked right after the keystroke as an editor does; with dflint's usual
  // debounce the lint comes after the answer. Each round types " $" further along the line and
  // waits for its diagnostics before the next.
  server.settings.debounce = 150;
  const relinted = server.diagnostics(uri, version);
  await server.connection.sendNotification("workspace/didChangeConfiguration", { settings: {} });
  if (name === "dflint") await relinted;
  for (let i = 0; i < EDITS; i++) {
    version++;
    const published = server.diagnostics(uri, version);
    await server.change(uri, version, [typeAt(" $")]);
    const t = performance.now();
    const list = await server.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line, character: column } });
    completions.push(performance.now() - t);
    if (!list || (list.items ?? list).length === 0) throw new Error(`${name}: no completion after '$'`);
    await published;
  }
  const memory = server.memory();
  await server.stop();
  return { edits, completions, memory };
}

function nodeStart(env = process.env) {
  const t = performance.now();
  spawnSync(process.execPath, ["-e", "0"], { stdio: "ignore", env });
  return performance.now() - t;
}

/** Runs the language server comparison; its headline figures go to the summary table. */
export async function benchLsp() {
  console.log(`dflint lsp benchmark: Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, load ${os.loadavg()[0].toFixed(1)}`);
  console.log(`typical file: fixtures/examples/Dockerfile (${typical.split("\n").length - 1} lines); large file: ${large.split("\n").length - 1} lines, ${(large.length / 1024).toFixed(0)} kB\n`);

  // Warm the file cache for both, then alternate them so that machine noise hits both alike.
  await firstDiagnostics("dflint");
  await firstDiagnostics("docker-langserver");
  const starts = { node: [], dflint: [], "docker-langserver": [] };
  for (let i = 0; i < STARTS; i++) {
    starts.node.push(nodeStart());
    for (const name of Object.keys(SERVERS)) starts[name].push(await firstDiagnostics(name));
  }
  const startMedian = Object.fromEntries(Object.entries(starts).map(([k, v]) => [k, median(v)]));
  table(`Spawn to first diagnostics of the typical file: median of ${STARTS} fresh processes`, ["server", "ms"], [
    ["node -e 0", startMedian.node.toFixed(0)],
    ["dflint lsp", startMedian.dflint.toFixed(0)],
    ["docker-langserver", startMedian["docker-langserver"].toFixed(0)],
  ]);
  console.log(`dflint / docker-langserver: ${(startMedian.dflint / startMedian["docker-langserver"]).toFixed(2)}x (target <= 0.6x)\n`);
  const bare = withoutExtraCaCerts();
  if (bare) {
    // Node's start is most of both servers' time to first diagnostics here, and the CA bundle most of Node's start.
    const without = { node: [], dflint: [], "docker-langserver": [] };
    for (let i = 0; i < STARTS; i++) {
      without.node.push(nodeStart(bare));
      for (const name of Object.keys(SERVERS)) without[name].push(await firstDiagnostics(name, bare));
    }
    const m = Object.fromEntries(Object.entries(without).map(([k, v]) => [k, median(v)]));
    console.log(`${CA_NOTE}: node -e 0 ${m.node.toFixed(0)} ms, dflint lsp ${m.dflint.toFixed(0)} ms, docker-langserver ${m["docker-langserver"].toFixed(0)} ms, dflint / docker-langserver ${(m.dflint / m["docker-langserver"]).toFixed(2)}x\n`);
  }

  const sessions = { dflint: [], "docker-langserver": [] };
  for (let i = 0; i < SESSIONS; i++) for (const name of Object.keys(SERVERS)) sessions[name].push(await typingSession(name));
  const rows = [];
  for (const [name, list] of Object.entries(sessions)) {
    const edits = list.flatMap((s) => s.edits);
    const completions = list.flatMap((s) => s.completions);
    rows.push([
      name,
      median(edits).toFixed(1),
      percentile(edits, 95).toFixed(1),
      median(completions).toFixed(1),
      percentile(completions, 95).toFixed(1),
      median(list.map((s) => s.memory.rss)).toFixed(0),
      median(list.map((s) => s.memory.peak)).toFixed(0),
    ]);
  }
  table(`Typing in the ${large.split("\n").length - 1}-line file: ${SESSIONS} fresh processes x (${EDITS * 2} edits, ${EDITS} completions)`, ["server", "edit→diag p50 ms", "p95 ms", "completion p50 ms", "p95 ms", "RSS MB", "peak MB"], rows);
  console.log("targets: edit to diagnostics and completion under 10 ms at p95 on 2,000 lines");
  const dflintSessions = sessions.dflint;
  const editP95 = percentile(dflintSessions.flatMap((s) => s.edits), 95);
  const completionP95 = percentile(dflintSessions.flatMap((s) => s.completions), 95);
  const peerSessions = sessions["docker-langserver"];
  const startRatio = startMedian.dflint / startMedian["docker-langserver"];
  record({ area: "language server", figure: "spawn to first diagnostics", dflint: `${startMedian.dflint.toFixed(0)} ms`, peer: `${startMedian["docker-langserver"].toFixed(0)} ms`, peerName: "docker-langserver", ratio: startRatio, target: "<= 0.6x", met: startRatio <= 0.6 });
  record({ area: "language server", figure: "edit to diagnostics, p95, 2,000 lines", dflint: `${editP95.toFixed(1)} ms`, peer: `${percentile(peerSessions.flatMap((s) => s.edits), 95).toFixed(1)} ms`, peerName: "docker-langserver", target: "< 10 ms", met: editP95 < 10 });
  record({ area: "language server", figure: "completion, p95, 2,000 lines", dflint: `${completionP95.toFixed(1)} ms`, peer: `${percentile(peerSessions.flatMap((s) => s.completions), 95).toFixed(1)} ms`, peerName: "docker-langserver", target: "< 10 ms", met: completionP95 < 10 });
}

// `npm run bench:lsp` runs this file alone; `npm run bench` imports it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchLsp();
