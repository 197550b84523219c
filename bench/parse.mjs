// Parser throughput on the real-world corpus, dflint against dockerfile-ast (the parser behind VS Code's
// Docker extension), in one process, after a warm-up; medians of several rounds, peers interleaved so
// that machine noise hits both alike.
import { DockerfileParser } from "dockerfile-ast";
import { analyze, parse } from "../dist/src/index.js";
import { record, table, timePeers } from "./report.mjs";

/** Runs the corpus comparison and returns its table rows. */
export function benchParse(files, { rounds = 7 } = {}) {
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f), 0);
  const peers = {
    dflint: (text) => parse(text),
    "dflint parse+analyze": (text) => analyze(parse(text).tree),
    "dockerfile-ast": (text) => DockerfileParser.parse(text),
  };
  const ms = timePeers(peers, files, { rounds, warmups: 3 });
  const rows = Object.entries(ms).map(([name, t]) => [
    name,
    (files.length / (t / 1000)).toFixed(0),
    (bytes / 1e6 / (t / 1000)).toFixed(2),
    t.toFixed(0),
  ]);
  table(`Parse ${files.length} corpus files (${(bytes / 1e6).toFixed(2)} MB), median of ${rounds} rounds`, ["parser", "files/s", "MB/s", "ms"], rows);
  const ratio = ms["dockerfile-ast"] / ms.dflint;
  const analyzeCost = (ms["dflint parse+analyze"] - ms.dflint) / ms.dflint;
  console.log(`ratio dflint/dockerfile-ast throughput: ${ratio.toFixed(2)}x (target >= 3x)`);
  console.log(`ratio dflint parse+analyze/dockerfile-ast throughput: ${(ms["dockerfile-ast"] / ms["dflint parse+analyze"]).toFixed(2)}x`);
  console.log(`analyze costs ${(analyzeCost * 100).toFixed(0)}% of the parse (target <= 100%)\n`);
  const mbps = (t) => `${(bytes / 1e6 / (t / 1000)).toFixed(2)} MB/s`;
  record({ area: "parse", figure: "corpus throughput", dflint: mbps(ms.dflint), peer: mbps(ms["dockerfile-ast"]), peerName: "dockerfile-ast", ratio, target: ">= 3x", met: ratio >= 3 });
  return ratio;
}
