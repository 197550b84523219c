// Printing benchmark results.
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
