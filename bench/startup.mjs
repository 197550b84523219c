// Whole-process time of `dflint` on one small Dockerfile against `node -e 0`, medians of several runs.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, table } from "./report.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));

function timeRuns(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" });
    times.push(performance.now() - t);
  }
  return median(times);
}

export function benchStartup({ runs = 15 } = {}) {
  timeRuns(["-e", "0"], 3);
  timeRuns(["bin/dflint.js", "fixtures/examples/Dockerfile"], 3);
  const node = timeRuns(["-e", "0"], runs);
  const dflint = timeRuns(["bin/dflint.js", "fixtures/examples/Dockerfile"], runs);
  table(`Start-up: whole process, median of ${runs} runs`, ["command", "ms"], [
    ["node -e 0", node.toFixed(0)],
    ["dflint fixtures/examples/Dockerfile", dflint.toFixed(0)],
  ]);
  console.log(`ratio dflint/node start-up: ${(dflint / node).toFixed(2)}x (target < 1.5x)\n`);
}
