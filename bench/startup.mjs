// Whole-process time of `dflint` on one small Dockerfile against `node -e 0`, medians of several runs.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CA_NOTE, median, record, table, withoutExtraCaCerts } from "./report.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));

function timeRuns(args, runs, env = process.env) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { cwd: root, stdio: "ignore", env });
    times.push(performance.now() - t);
  }
  return median(times);
}

export function benchStartup({ runs = 15 } = {}) {
  const lint = ["bin/dflint.js", "--no-shellcheck", "fixtures/examples/Dockerfile"];
  // With ShellCheck on PATH, dflint also runs it (a separate program) once per file: shown apart.
  const withShellcheck = ["bin/dflint.js", "fixtures/examples/Dockerfile"];
  const help = ["bin/dflint.js", "--version"];
  for (const args of [["-e", "0"], lint, withShellcheck, help]) timeRuns(args, 3);
  // Interleaved rounds, so that the machine's load falls on every command alike.
  const times = { node: [], lint: [], withShellcheck: [], help: [] };
  for (let i = 0; i < runs; i++) {
    times.node.push(timeRuns(["-e", "0"], 1));
    times.lint.push(timeRuns(lint, 1));
    times.withShellcheck.push(timeRuns(withShellcheck, 1));
    times.help.push(timeRuns(help, 1));
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  table(`Start-up: whole process, median of ${runs} interleaved runs`, ["command", "ms", "x node -e 0"], [
    ["node -e 0", m.node.toFixed(0), "1.00"],
    ["dflint --version", m.help.toFixed(0), (m.help / m.node).toFixed(2)],
    ["dflint --no-shellcheck fixtures/examples/Dockerfile", m.lint.toFixed(0), (m.lint / m.node).toFixed(2)],
    ["dflint fixtures/examples/Dockerfile (runs shellcheck when on PATH)", m.withShellcheck.toFixed(0), (m.withShellcheck / m.node).toFixed(2)],
  ]);
  console.log(`ratio dflint/node start-up: ${(m.lint / m.node).toFixed(2)}x (target < 1.5x; ShellCheck off, as in the lint benchmark)\n`);
  const ratio = m.lint / m.node;
  const bare = withoutExtraCaCerts();
  if (bare) {
    // Node's own start is the measure here, and a CA bundle in the environment makes it several times longer.
    const node = [];
    const dflint = [];
    for (let i = 0; i < runs; i++) {
      node.push(timeRuns(["-e", "0"], 1, bare));
      dflint.push(timeRuns(lint, 1, bare));
    }
    console.log(`${CA_NOTE}: node -e 0 ${median(node).toFixed(0)} ms, dflint ${median(dflint).toFixed(0)} ms, ${(median(dflint) / median(node)).toFixed(2)}x\n`);
  }
  record({ area: "CLI", figure: "start-up: dflint on one small file", dflint: `${m.lint.toFixed(0)} ms`, peer: `${m.node.toFixed(0)} ms`, peerName: "node -e 0", ratio, target: "< 1.5x", met: ratio < 1.5 });
}
