// Time against input size, doubling the input each step: parsing must stay linear on ordinary and on
// hostile input (one huge line, an unterminated heredoc, escapes everywhere, a binary file).
import { parse } from "../dist/src/index.js";
import { median, table } from "./report.mjs";

const MB = 1e6;

function time(text, rounds) {
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    parse(text);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Prints ms and ms/MB for each input family at doubling sizes. */
export function benchGrowth(corpusText) {
  const families = {
    "corpus, concatenated": (mb) => corpusText.repeat(Math.ceil((mb * MB) / corpusText.length)).slice(0, mb * MB),
    "one long line": (mb) => "FROM a\nRUN echo " + "x".repeat(mb * MB) + "\n",
    "unterminated heredoc": (mb) => "FROM a\nRUN <<EOF\n" + "echo line\n".repeat((mb * MB) / 10),
    "escapes and continuations": (mb) => "FROM a\nRUN a\\b \\\n".repeat((mb * MB) / 11),
    "binary (NUL bytes)": (mb) => Buffer.alloc(mb * MB).map((_, i) => (i * 7919) % 256),
  };
  const sizes = [1, 2, 4, 8];
  const rows = [];
  for (const [name, make] of Object.entries(families)) {
    time(make(1), 2); // warm-up
    const cells = [];
    let first = 0;
    for (const mb of sizes) {
      const input = make(mb);
      const ms = time(input, 3);
      if (mb === 1) first = ms;
      cells.push(`${ms.toFixed(0)} ms`);
    }
    const last = Number(cells.at(-1).split(" ")[0]);
    rows.push([name, ...cells, `${(last / first / 8).toFixed(2)}`]);
  }
  table("Growth: parse time as the input doubles (1 → 8 MB); last column: (t8/t1)/8, about 1 when linear", ["input", ...sizes.map((s) => `${s} MB`), "t8/(8·t1)"], rows);
}
