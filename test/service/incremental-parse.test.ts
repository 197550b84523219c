// The spliced re-parse must be exactly the full parse: same tree (every node, range and field) and
// same diagnostics, over random edits to real Dockerfiles; and it must actually be used for most
// edits, or it is only overhead.
import { readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { reparse, type Parsed } from "../../src/service/incremental-parse.js";
import { LineIndex } from "../../src/syntax/line-index.js";
import { parse } from "../../src/syntax/parse.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

needsShared("the incremental re-parse tests");

// Edits an editor makes while typing: characters (including the ones that open continuations,
// heredocs, quotes and comments), deletions, and whole lines added or removed.
const INSERTS = ["a", " ", "\\", "\n", "$", "#", "<<EOF\n", '"', "[", "RUN x\n", "\\\n", "EOF\n"];

function edits(text: string, random: () => number, count: number): string[] {
  const out: string[] = [];
  let current = text;
  for (let i = 0; i < count; i++) {
    const at = Math.floor(random() * (current.length + 1));
    const kind = random();
    if (kind < 0.5) current = current.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + current.slice(at);
    else if (kind < 0.8) current = current.slice(0, at) + current.slice(at + 1 + Math.floor(random() * 3));
    else {
      const lineStart = current.lastIndexOf("\n", at - 1) + 1;
      const lineEnd = current.indexOf("\n", at);
      const line = current.slice(lineStart, lineEnd < 0 ? current.length : lineEnd + 1);
      current = kind < 0.9 ? current.slice(0, lineStart) + current.slice(lineStart + line.length) : current.slice(0, lineStart) + line + current.slice(lineStart);
    }
    out.push(current);
  }
  return out;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe("incremental re-parse (needs ../shared)", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone"));
  const dir = shared("corpus/real-world/");
  const files = hasShared ? readdirSync(dir).filter((f) => f.includes("__")).sort() : [];

  it("gives exactly parse()'s tree and diagnostics, and is used for most edits", () => {
    const random = seeded(7);
    let spliced = 0;
    let total = 0;
    for (const name of files.filter((_, i) => i % 12 === 0)) {
      const text = readFileSync(dir + name, "utf8");
      const first = parse(text);
      let previous: Parsed = { text, tree: first.tree, diagnostics: first.diagnostics };
      for (const next of edits(text, random, 6)) {
        const full = parse(next);
        const fast = reparse(previous, next, new LineIndex(next));
        total++;
        if (fast) {
          spliced++;
          expect(fast.tree, `${name} after an edit`).toEqual(full.tree);
          expect(fast.diagnostics, `${name} after an edit`).toEqual(full.diagnostics);
        }
        previous = fast ?? { text: next, tree: full.tree, diagnostics: full.diagnostics };
      }
    }
    expect(total).toBeGreaterThan(400);
    expect(spliced / total).toBeGreaterThan(0.8);
  });
});
