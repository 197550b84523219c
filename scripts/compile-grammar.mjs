// Compiles grammar/dockerfile.ne to grammar/dockerfile.ts with nearley's own compiler.
// `--check` compares instead of writing, and fails when the committed output is stale.
import { readFileSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compileGrammar } from "./grammar-source.mjs";

const source = fileURLToPath(new URL("../grammar/dockerfile.ne", import.meta.url));
const target = fileURLToPath(new URL("../grammar/dockerfile.ts", import.meta.url));
const compiled = compileGrammar(readFileSync(source, "utf8"));

if (process.argv.includes("--check")) {
  const current = readFileSync(target, "utf8");
  if (current !== compiled) {
    console.error("grammar/dockerfile.ts is stale: run `npm run grammar` and commit it.");
    process.exit(1);
  }
} else {
  let current = null;
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  if (current !== compiled) {
    writeFileSync(target + ".tmp", compiled);
    renameSync(target + ".tmp", target);
  }
}
