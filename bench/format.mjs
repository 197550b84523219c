// Formatter throughput on the real-world corpus, in one process, beside the parser's own: the target
// is at least half the parser's throughput (format parses the file, lays it out, and parses again
// what changed, to check it). Medians of several rounds, the two interleaved.
import { format, parse } from "../dist/src/index.js";
import { record, table, timePeers } from "./report.mjs";

/** Runs the corpus comparison and returns the ratio of formatter throughput to the target. */
export function benchFormat(files, { rounds = 7 } = {}) {
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f), 0);
  const changed = files.filter((f) => format(f).changed).length;
  const peers = {
    "dflint parse": (text) => parse(text),
    "dflint format": (text) => format(text),
  };
  const ms = timePeers(peers, files, { rounds, warmups: 2 });
  table(
    `Format ${files.length} corpus files (${(bytes / 1e6).toFixed(2)} MB; ${changed} change), median of ${rounds} rounds`,
    ["", "files/s", "MB/s", "ms"],
    Object.entries(ms).map(([name, t]) => [name, (files.length / (t / 1000)).toFixed(0), (bytes / 1e6 / (t / 1000)).toFixed(2), t.toFixed(0)]),
  );
  // Throughput is inverse time: format's over half the parser's is 2 * parse time / format time.
  const ratio = (2 * ms["dflint parse"]) / ms["dflint format"];
  console.log(`ratio dflint format / (parser throughput / 2): ${ratio.toFixed(2)}x (target >= 1x)\n`);
  const mbps = (t) => `${(bytes / 1e6 / (t / 1000)).toFixed(2)} MB/s`;
  record({ area: "format", figure: "corpus throughput", dflint: mbps(ms["dflint format"]), peer: mbps(2 * ms["dflint parse"]), peerName: "half dflint's parser", ratio, target: ">= 1x", met: ratio >= 1 });
  return ratio;
}
