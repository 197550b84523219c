// Bundles the CLI (dist/src/cli/run.js and what it imports) into one CommonJS file, dist/cli/dflint.cjs, which
// bin/dflint.js compiles with a V8 code cache; then makes the code caches shipped beside it
// (scripts/code-cache.mjs). One file, because a code cache covers one script: the ES module chunks it
// replaces were each compiled afresh at every start. Commands still load on use: esbuild turns their
// dynamic imports into functions that run a module's top level when first called.
//
// Bundled: what a lint or the language server needs at start (moo, nearley, vscode-languageserver); it is
// compiled from the cache with the rest. Left in node_modules and required on use: the Docker transport,
// protobuf and tar (build only), yaml (only when a config file is found) and mvdan-sh (1.5 MB, first use).
import { build } from "esbuild";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makeCodeCaches } from "./code-cache.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const pkg = JSON.parse(readFileSync(root + "package.json", "utf8"));
const BUNDLED = new Set(["moo", "nearley", "vscode-languageserver", "vscode-languageserver-textdocument", "vscode-languageserver-types"]);
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !BUNDLED.has(d));

const outdir = root + "dist/cli/";
const bundle = outdir + "dflint.cjs";
const result = await build({
  entryPoints: [root + "dist/src/cli/run.js"],
  write: false,
  outfile: bundle,
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  external,
  // vm.Script, which runs the bundle, has no module loader for import() (not without an experimental
  // flag): esbuild turns each one into a require, the ones of Node's own modules too.
  supported: { "dynamic-import": false },
  logLevel: "warning",
  // Half the bytes to read and hash at every start; dflint prints messages, never its own stack traces.
  minify: true,
  // The sources find their package.json and node_modules from import.meta.url (package-info.ts,
  // createRequire), which a CommonJS file has not: it is the bundle's own URL.
  define: { "import.meta.url": "__dflintBundleUrl" },
  banner: { js: 'var __dflintBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
const [output] = result.outputFiles;
if (/[^\w$.]import\s*\(/.test(output.text)) throw new Error("bundle-cli: the bundle still has an import(), which vm.Script cannot run");

// dflint may be running from this directory meanwhile (other terminals, tests): each file is replaced
// whole, and a cache of the previous bundle fails bin/dflint.js's checksum until its successor is written.
mkdirSync(outdir, { recursive: true });
writeFileSync(bundle + ".tmp", output.contents);
renameSync(bundle + ".tmp", bundle);
for (const name of readdirSync(outdir)) {
  if (name !== "dflint.cjs" && !/^code-cache-\w+\.bin$/.test(name)) rmSync(outdir + name, { recursive: true, force: true });
}
await makeCodeCaches();
