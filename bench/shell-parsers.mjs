// Which npm build of mvdan/sh parses RUN scripts: mvdan-sh (GopherJS, JavaScript) or sh-syntax (TinyGo,
// WebAssembly). Both run on every shell-form RUN command and RUN heredoc body of the real-world corpus:
// throughput after a warm-up (median of several rounds), failures in POSIX and bash mode, and where the two
// disagree. Then dflint's own runScripts on the same RUNs. Each peer runs in a process of its own: sh-syntax
// makes a new WebAssembly instance for every call, and the garbage that leaves slowed mvdan-sh threefold when
// the two took turns in one process. Throughput is per CPU second of the process (GC threads included), which
// a busy machine disturbs far less than wall time; wall time is shown beside it.
//
//   npx tsc -p tsconfig.json && node bench/shell-parsers.mjs [--rounds=5]
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { median, table } from "./report.mjs";

const peer = process.argv.find((a) => a.startsWith("--peer="))?.slice(7);
const rounds = Number(process.argv.find((a) => a.startsWith("--rounds="))?.slice(9) ?? 5);
const corpusDir = fileURLToPath(new URL("../../shared/corpus/real-world/", import.meta.url));
if (!existsSync(corpusDir)) {
  console.error(`bench: the real-world corpus is not at ${corpusDir}; the benchmark needs ../shared beside the project.`);
  process.exit(2);
}
const require = createRequire(import.meta.url);

// dflint's library loads mvdan-sh (its rules parse RUN scripts), so a peer process loads its parser first and
// dflint after, for the load time to be the parser's own.
let dflint;
const files = readdirSync(corpusDir).filter((f) => f !== "README.md" && f !== "MANIFEST.tsv").sort();
const scripts = [];
const runs = [];
let bytes = 0;

/** The scripts: RUN (and ONBUILD RUN) in shell form, and every RUN heredoc body, data or not. */
async function collect() {
  dflint = await import("../dist/src/index.js");
  for (const file of files) {
    const text = readFileSync(corpusDir + file, "utf8");
    for (const ins of dflint.parse(text).tree.instructions) {
      const run = ins.name === "ONBUILD" && ins.trigger ? ins.trigger : ins;
      if (run.name !== "RUN") continue;
      runs.push(file);
      for (const a of run.args) if (a.kind === "shell-command") scripts.push({ file, kind: "command", text: a.value });
      for (const h of run.heredocs) scripts.push({ file, kind: "heredoc", text: h.content });
    }
  }
  bytes = scripts.reduce((n, s) => n + Buffer.byteLength(s.text), 0);
}

// The byte offset of a "line:col: ..." message (col counts bytes, from 1), or -1.
function byteOffset(text, message) {
  const m = /^(\d+):(\d+):/.exec(message ?? "");
  if (!m) return -1;
  const lines = Buffer.from(text).toString("latin1").split("\n");
  return lines.slice(0, Number(m[1]) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(m[2]) - 1;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const isPromise = (v) => typeof v?.then === "function";
const sample = "apt-get update && apt-get install -y curl";

/** In a child process: one peer's load, API, timings and outcomes, as JSON on stdout. */
async function measurePeer(name) {
  const globalsBefore = new Set(Object.getOwnPropertyNames(globalThis));
  const limitBefore = Error.stackTraceLimit;
  let t = performance.now();
  const lib = name === "mvdan-sh" ? require("mvdan-sh").syntax : await import("sh-syntax");
  const load = performance.now() - t;
  const globals = Object.getOwnPropertyNames(globalThis).filter((k) => !globalsBefore.has(k));
  if (Error.stackTraceLimit !== limitBefore) globals.push(`Error.stackTraceLimit=${Error.stackTraceLimit}`);
  Error.stackTraceLimit = limitBefore; // as dflint's loader does
  await collect();

  // One script's outcome: the top-level statements' byte ranges (all that sh-syntax returns), or the error.
  let outcome;
  let api;
  let tree;
  if (name === "mvdan-sh") {
    const parsers = { posix: lib.NewParser(lib.Variant(lib.LangPOSIX)), bash: lib.NewParser(lib.Variant(lib.LangBash)) };
    outcome = (text, mode) => {
      try {
        return { ok: true, stmts: parsers[mode].Parse(text, "").Stmts.map((s) => `${s.Pos().Offset()}-${s.End().Offset()}`).join(" ") };
      } catch (e) {
        return { ok: false, at: e.Pos?.Offset?.() ?? -1, message: e.Error?.().replace(/^\d+:\d+: /, "") ?? String(e) };
      }
    };
    const f = parsers.posix.Parse(sample, "");
    api = isPromise(f) ? "Promise" : "synchronous";
    tree = `full (${lib.NodeType(f.Stmts[0].Cmd)} with its commands and words)`;
  } else {
    const variants = { posix: lib.LangVariant.LangPOSIX, bash: lib.LangVariant.LangBash };
    outcome = async (text, mode) => {
      try {
        const file = await lib.parse(text, { variant: variants[mode] });
        return { ok: true, stmts: (file.Stmts ?? file.Stmt ?? []).map((s) => `${s.Pos.Offset}-${s.End.Offset}`).join(" ") };
      } catch (e) {
        // A LangError ("arrays are a bash feature") comes without Pos; its message starts with line:col.
        return { ok: false, at: e.Pos?.Offset ?? byteOffset(text, e.message), message: e.Text ?? e.message };
      }
    };
    const p = lib.parse(sample, { variant: variants.posix });
    api = isPromise(p) ? "Promise" : "synchronous";
    const f = await p;
    tree = `top-level statements only (Cmd keys: ${Object.keys((f.Stmts ?? f.Stmt)[0].Cmd).join(", ")})`;
  }

  // The warm-up records the POSIX outcomes; a last pass the bash ones.
  const outcomes = { posix: [], bash: [] };
  for (const s of scripts) outcomes.posix.push(await outcome(s.text, "posix"));
  const times = [];
  const cpu = [];
  for (let r = 0; r < rounds; r++) {
    t = performance.now();
    const c = cpuMs();
    for (const s of scripts) await outcome(s.text, "posix");
    times.push(performance.now() - t);
    cpu.push(cpuMs() - c);
  }
  for (const s of scripts) outcomes.bash.push(await outcome(s.text, "bash"));
  return { load, globals, api, tree, times, cpu, outcomes };
}

/** In a child process: dflint's runScripts (mvdan-sh, commands with words and ranges, bash retry) on every RUN. */
async function measureDflint() {
  await collect();
  const { LineIndex, parse } = dflint;
  const { runScripts } = await import("../dist/src/model/shell/parse-run.js");
  const texts = files.map((f) => readFileSync(corpusDir + f, "utf8"));
  const times = [];
  const cpu = [];
  let tally = {};
  for (let r = 0; r <= rounds; r++) {
    // Fresh trees each round, since runScripts caches per instruction; parsing them is not timed.
    const docs = texts.map((text) => ({ text, index: new LineIndex(text), instructions: parse(text).tree.instructions }));
    tally = { parsed: 0, unparsed: 0, commands: 0 };
    const t = performance.now();
    const c = cpuMs();
    for (const d of docs) {
      for (const ins of d.instructions) {
        for (const s of runScripts(ins, d.text, d.index)) {
          if (s.kind === "parsed") (tally.parsed++, (tally.commands += s.commands.length));
          else tally.unparsed++;
        }
      }
    }
    if (r > 0) (times.push(performance.now() - t), cpu.push(cpuMs() - c)); // round 0 is the warm-up
  }
  return { times, cpu, tally };
}

if (peer) {
  const result = peer === "dflint" ? await measureDflint() : await measurePeer(peer);
  // exit only once the pipe has taken it all: sh-syntax's Go runtime would keep the process alive
  process.stdout.write(JSON.stringify(result), () => process.exit(0));
} else {
  await compare();
}

async function compare() {
  await collect();
  console.log(`${scripts.length} scripts (${scripts.filter((s) => s.kind === "heredoc").length} heredoc bodies) from ${runs.length} RUN instructions in ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB; Node ${process.version}\n`);
  const child = (name) =>
    JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), `--peer=${name}`, `--rounds=${rounds}`], { maxBuffer: 1 << 28, encoding: "utf8" }));
  const pkg = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8"));
  const engines = (p) => p.engines?.node ?? "none declared";
  const nodeOk = (range) => {
    const m = /^>=\s*(\d+)/.exec(range);
    return range === "none declared" ? "no limit given" : m ? (Number(process.versions.node.split(".")[0]) >= Number(m[1]) ? "yes" : "no") : "?";
  };

  const peers = { "mvdan-sh": child("mvdan-sh"), "sh-syntax": child("sh-syntax") };
  table(
    "The packages",
    ["package", "version", "node engines", "Node 20 ok", "load ms", "API", "tree returned", "globals changed"],
    Object.entries(peers).map(([name, r]) => [name, pkg(name).version, engines(pkg(name)), nodeOk(engines(pkg(name))), r.load.toFixed(0), r.api, r.tree, r.globals.join(", ") || "none"]),
  );
  table(
    `Parse ${scripts.length} scripts (${(bytes / 1e6).toFixed(2)} MB) as POSIX sh, each peer in its own process, median of ${rounds} rounds after a warm-up`,
    ["parser", "scripts/CPU s", "MB/CPU s", "CPU ms/round", "CPU ms/script", "wall ms/round", "rounds (CPU ms)"],
    Object.entries(peers).map(([name, r]) => {
      const ms = median(r.cpu);
      return [name, (scripts.length / (ms / 1000)).toFixed(0), (bytes / 1e6 / (ms / 1000)).toFixed(3), ms.toFixed(0), (ms / scripts.length).toFixed(3), median(r.times).toFixed(0), r.cpu.map((x) => x.toFixed(0)).join(" ")];
    }),
  );
  const ratio = median(peers["sh-syntax"].cpu) / median(peers["mvdan-sh"].cpu);
  console.log(`mvdan-sh parses ${ratio.toFixed(1)}x as many scripts per CPU second as sh-syntax.\n`);

  // Fidelity, in both modes.
  const disagreements = [];
  const rows = [];
  for (const mode of ["posix", "bash"]) {
    const a = peers["mvdan-sh"].outcomes[mode];
    const b = peers["sh-syntax"].outcomes[mode];
    let status = 0;
    let stmts = 0;
    let errors = 0;
    scripts.forEach((s, i) => {
      const x = a[i];
      const y = b[i];
      let what = null;
      if (x.ok !== y.ok) (status++, (what = `mvdan-sh ${x.ok ? "parses" : `fails (${x.message})`}, sh-syntax ${y.ok ? "parses" : `fails (${y.message})`}`));
      else if (x.ok && x.stmts !== y.stmts) (stmts++, (what = `statements ${x.stmts} vs ${y.stmts}`));
      else if (!x.ok && x.at !== y.at) (errors++, (what = `error at byte ${x.at} (${x.message}) vs ${y.at} (${y.message})`));
      if (what) disagreements.push(`${mode} ${s.file} ${s.kind}: ${what}`);
    });
    const fails = (list) => list.filter((o) => !o.ok).length;
    rows.push([mode, fails(a), fails(b), status, stmts, errors]);
  }
  table(
    `Fidelity on ${scripts.length} scripts (top-level statement ranges compared: the most sh-syntax returns)`,
    ["mode", "mvdan-sh fails", "sh-syntax fails", "disagree: ok/fail", "disagree: statements", "disagree: error position"],
    rows,
  );
  const kinds = new Map();
  scripts.forEach((s, i) => {
    if (peers["mvdan-sh"].outcomes.bash[i].ok) return;
    const key = /^(\$\w+\s*=|Write-Host|\$\w+|Function|if \(|powershell)/.test(s.text)
      ? "PowerShell (a Windows SHELL; dflint leaves these unparsed)"
      : s.kind === "command" && s.text.includes("<<")
        ? "heredoc marker without its body (dflint parses line and body together)"
        : s.kind === "heredoc" ? "heredoc body that is not shell" : "other";
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  });
  console.log("What fails even in bash mode, by kind:");
  for (const [k, n] of kinds) console.log(`  ${n}  ${k}`);
  const shown = disagreements.slice(0, 5);
  console.log(disagreements.length ? `\nDisagreements (${disagreements.length}; the first ${shown.length}):\n  ${shown.join("\n  ")}\n` : "\nNo disagreement between the two parsers.\n");

  const own = child("dflint");
  const dms = median(own.cpu);
  table(
    `dflint runScripts on ${runs.length} RUN instructions (default SHELL everywhere: PowerShell fails as a syntax error), median of ${rounds} rounds`,
    ["scripts parsed", "unparsed", "commands", "RUN/CPU s", "MB/CPU s", "CPU ms/round", "wall ms/round"],
    [[own.tally.parsed, own.tally.unparsed, own.tally.commands, (runs.length / (dms / 1000)).toFixed(0), (bytes / 1e6 / (dms / 1000)).toFixed(3), dms.toFixed(0), median(own.times).toFixed(0)]],
  );
}
