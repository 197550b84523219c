// Every file of the real-world corpus: the tree gives back every byte, and ranges nest.
import { readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { LineIndex, parse } from "../../src/index.js";
import { hasShared, needsShared, shared } from "../shared-data.js";
import { nodes, treeProblems } from "./tree-walk.js";

needsShared("the corpus tree tests");

describe("corpus trees", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the corpus, is not beside this clone"));
  const dir = shared("corpus/real-world/");
  const files = hasShared ? readdirSync(dir).filter((f) => f !== "README.md" && f !== "MANIFEST.tsv") : [];

  it("are lossless with nested ranges, and every position agrees with its offset", () => {
    const failures: string[] = [];
    for (const file of files) {
      const text = readFileSync(dir + file, "utf8");
      const { tree } = parse(text);
      const problems = treeProblems(text, tree);
      const index = new LineIndex(text);
      for (const node of nodes(tree)) {
        for (const p of [node.range.start, node.range.end]) {
          const expected = index.position(p.offset);
          if (expected.line !== p.line || expected.character !== p.character) problems.push(`position of ${node.kind} at ${p.offset}`);
        }
      }
      if (problems.length) failures.push(`${file}: ${problems.slice(0, 3).join("; ")}`);
    }
    expect(failures).toEqual([]);
  });

  it("keep the same instructions when read as CRLF", () => {
    const failures: string[] = [];
    for (const file of files.slice(0, 200)) {
      const text = readFileSync(dir + file, "utf8");
      if (text.includes("\r")) continue;
      const lf = parse(text).tree.instructions.map((i) => [i.name, i.original, i.startLine, i.endLine]);
      const crlf = parse(text.replace(/\n/g, "\r\n")).tree.instructions.map((i) => [i.name, i.original, i.startLine, i.endLine]);
      if (JSON.stringify(lf) !== JSON.stringify(crlf)) failures.push(file);
    }
    expect(failures).toEqual([]);
  });
});
