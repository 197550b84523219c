// Printing benchmark results.
import { statSync } from "node:fs";

/**
 * The environment without NODE_EXTRA_CA_CERTS, when it is set, else null. Node 20 reads and parses the CA
 * bundle it names at every start, before any script runs (on the build machine: 80 ms, two thirds of `node
 * -e 0`), so figures dominated by Node's start are also shown without it, beside those measured as set.
 */
export function withoutExtraCaCerts() {
  if (!process.env.NODE_EXTRA_CA_CERTS) return null;
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  return env;
}

let caSize = "";
try {
  caSize = process.env.NODE_EXTRA_CA_CERTS ? `, ${(statSync(process.env.NODE_EXTRA_CA_CERTS).size / 1024).toFixed(0)} KB` : "";
} catch {
  // unreadable: Node warns about it at start, and the size is only for the note
}
export const CA_NOTE = `without NODE_EXTRA_CA_CERTS (set here to ${process.env.NODE_EXTRA_CA_CERTS}${caSize}; Node reads it at every start)`;
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Prints a titled table with aligned columns. */
export function table(title, header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ");
  console.log(title);
  console.log(line(header));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(r));
  console.log("");
}

/**
 * Times each peer over all files: one warm-up pass each, then `rounds` rounds with the peers taking
 * turns, so that machine noise hits them alike. Returns the median milliseconds by peer.
 */
export function timePeers(peers, files, { rounds, warmups = 1 }) {
  for (const fn of Object.values(peers)) for (let i = 0; i < warmups; i++) for (const f of files) fn(f);
  const times = Object.fromEntries(Object.keys(peers).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(peers)) {
      const t = performance.now();
      for (const f of files) fn(f);
      times[name].push(performance.now() - t);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

// The one comparison table `npm run bench` ends with: each benchmark records its headline figures here
// (dflint's, the peer's, their ratio and the target), and printSummary prints them together.
const summary = [];

/**
 * Records one figure: dflint's and the peer's as printed (with units), the ratio the target is stated in
 * (throughput: dflint over peer; time: dflint's over the peer's), the target, and whether it is met.
 */
export function record({ area, figure, dflint, peer, peerName, ratio, target, met }) {
  summary.push({ area, figure, dflint, peer: peer ?? "", peerName: peerName ?? "", ratio: ratio === undefined ? "" : `${ratio.toFixed(2)}x`, target, met });
}

/** Prints the recorded figures as one table. */
export function printSummary(title) {
  table(
    title,
    ["area", "figure", "dflint", "peer", "measured against", "ratio", "target", "met"],
    summary.map((r) => [r.area, r.figure, r.dflint, r.peer, r.peerName, r.ratio, r.target, r.met === undefined ? "" : r.met ? "yes" : "no"]),
  );
}
