// Bundles the CLI (dist/src/cli/run.js and what it imports) into dist/cli/ with esbuild, so that `dflint FILE`
// loads a few files instead of some two hundred modules: module loading, not linting, was most of the time a
// small Dockerfile took. Commands stay split into chunks loaded on use (`--splitting`), and the dependencies
// that only some commands need (the language server, the Docker transport, protobuf, tar) and mvdan-sh (loaded
// on first use) stay in node_modules.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";

const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
// Bundled: what every lint needs. Everything else is imported from node_modules when a command asks (YAML
// only when a config file is found).
const BUNDLED = new Set(["moo", "nearley"]);
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !BUNDLED.has(d));

const outdir = new URL("dist/cli/", root).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [new URL("dist/src/cli/run.js", root).pathname],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external,
  chunkNames: "chunk-[hash]",
  logLevel: "warning",
  // Half the bytes for V8 to read at every start; dflint prints messages, never its own stack traces.
  minify: true,
  // Bundled CommonJS (moo, nearley) may call require(); ES modules have none of their own.
  banner: { js: 'import { createRequire as __dflintCreateRequire } from "node:module"; const require = __dflintCreateRequire(import.meta.url);' },
});
