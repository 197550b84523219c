// Lint throughput on the corpus: dflint with every default rule (no ShellCheck) against
// dockerfile-utils' validate() (the VS Code Docker extension's diagnostics) and dockerfilelint, in one
// process, after a warm-up, medians of several rounds, peers interleaved.
import { createRequire } from "node:module";
import { lint } from "../dist/src/index.js";
import { record, table, timePeers } from "./report.mjs";

const require = createRequire(import.meta.url);
const dockerfileUtils = require("dockerfile-utils");
const dockerfilelint = require("dockerfilelint");

export function benchLint(files, { rounds = 5 } = {}) {
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f), 0);
  const peers = {
    "dflint lint": (text) => lint(text),
    "dockerfile-utils validate": (text) => dockerfileUtils.validate(text),
    dockerfilelint: (text) => dockerfilelint.run("/nonexistent", text),
  };
  // Two warm-up passes each: dflint's rules and shell reader take more than one pass to be fully compiled.
  const ms = timePeers(peers, files, { rounds, warmups: 2 });
  table(
    `Lint ${files.length} corpus files (${(bytes / 1e6).toFixed(2)} MB), median of ${rounds} rounds`,
    ["linter", "files/s", "MB/s", "ms"],
    Object.entries(ms).map(([name, t]) => [name, (files.length / (t / 1000)).toFixed(0), (bytes / 1e6 / (t / 1000)).toFixed(2), t.toFixed(0)]),
  );
  console.log(`ratio dflint/dockerfile-utils throughput: ${(ms["dockerfile-utils validate"] / ms["dflint lint"]).toFixed(2)}x (target >= 3x)`);
  console.log(`ratio dflint/dockerfilelint throughput: ${(ms.dockerfilelint / ms["dflint lint"]).toFixed(2)}x (target >= 1x)\n`);
  const mbps = (t) => `${(bytes / 1e6 / (t / 1000)).toFixed(2)} MB/s`;
  const vsUtils = ms["dockerfile-utils validate"] / ms["dflint lint"];
  const vsLint = ms.dockerfilelint / ms["dflint lint"];
  record({ area: "lint", figure: "corpus throughput, every default rule", dflint: mbps(ms["dflint lint"]), peer: mbps(ms["dockerfile-utils validate"]), peerName: "dockerfile-utils validate()", ratio: vsUtils, target: ">= 3x", met: vsUtils >= 3 });
  record({ area: "lint", figure: "corpus throughput, every default rule", dflint: mbps(ms["dflint lint"]), peer: mbps(ms.dockerfilelint), peerName: "dockerfilelint", ratio: vsLint, target: ">= 1x", met: vsLint >= 1 });
}
