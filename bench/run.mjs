// `npm run bench`: dflint against its peers, measured in one run on this machine: each benchmark's own
// tables, then one table of every headline figure (bench/README.md says how to read it).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { benchBuild, buildBenchUnavailable } from "./build.mjs";
import { benchFormat } from "./format.mjs";
import { benchGrowth } from "./growth.mjs";
import { benchLint } from "./lint.mjs";
import { benchLsp } from "./lsp.mjs";
import { benchParse } from "./parse.mjs";
import { printSummary, record } from "./report.mjs";
import { benchStartup } from "./startup.mjs";

const corpusDir = fileURLToPath(new URL("../../shared/corpus/real-world/", import.meta.url));
if (!existsSync(corpusDir)) {
  console.error(`bench: the real-world corpus is not at ${corpusDir}; the benchmark needs ../shared beside the project.`);
  process.exit(2);
}
const files = readdirSync(corpusDir)
  .filter((f) => f !== "README.md" && f !== "MANIFEST.tsv")
  .sort()
  .map((f) => readFileSync(corpusDir + f, "utf8"));

console.log(`dflint benchmark: Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
benchParse(files);
benchFormat(files);
benchLint(files);
benchStartup();
benchGrowth(files.join("\n"));
await benchLsp();
// The builder's rows need the Docker CLI and an engine, and take about ten minutes; BENCH_BUILD=0 leaves them out.
const noBuild = process.env.BENCH_BUILD === "0" ? "BENCH_BUILD=0" : buildBenchUnavailable();
if (noBuild) {
  console.log(`Build benchmark not run: ${noBuild}\n`);
  record({ area: "build", figure: `not measured: ${noBuild}`, dflint: "", target: "", met: undefined });
} else {
  console.log("");
  benchBuild();
  console.log("");
}
printSummary(`Summary: dflint against its peers, all measured in this run (load average ${os.loadavg()[0].toFixed(1)} at the end)`);
