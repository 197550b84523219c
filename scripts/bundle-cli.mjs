// Bundles the CLI (dist/src/cli/run.js and what it imports) into one CommonJS file, dist/cli/dflint.cjs, which
// bin/dflint.js compiles with a V8 code cache; then makes the code caches shipped beside it
// (scripts/code-cache.mjs). One file, because a code cache covers one script: the ES module chunks it
// replaces were each compiled afresh at every start. Commands still load on use: esbuild turns their
// dynamic imports into functions that run a module's top level when first called.
//
// Bundled: what a lint or the language server needs at start (moo, nearley, vscode-languageserver); it is
// compiled from the cache with the rest. Also the build's transport and protobuf (docker-modem and
// protobufjs/light with their own dependencies): a build loads them at once, and as some forty small
// files in node_modules they were resolved, read and compiled one by one, a third of a small build's
// start. Left in node_modules and required on use: tar (the tar upload only), yaml (only when a config
// file is found), mvdan-sh (1.5 MB, first use), and docker-modem's ssh transport (see MODEM_PATCHES).
import { build } from "esbuild";
import ts from "typescript";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makeCodeCaches } from "./code-cache.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const pkg = JSON.parse(readFileSync(root + "package.json", "utf8"));
const BUNDLED = new Set(["moo", "nearley", "vscode-languageserver", "vscode-languageserver-textdocument", "vscode-languageserver-types", "docker-modem", "protobufjs"]);
const external = Object.keys(pkg.dependencies ?? {}).filter((d) => !BUNDLED.has(d));

// docker-modem's lib/modem.js loads at its top what dflint's requests never use, and a build's start
// paid for it: each is made to load on first use, with a check that the text it replaces is still there.
// dflint reaches ssh:// engines through the user's own ssh (src/build/ssh-dial.ts), handing docker-modem
// an HTTP agent, so its own ssh transport is never called; yet requiring it loaded the whole ssh2
// package, a quarter of a small build's start. It becomes a function that requires the real
// docker-modem/lib/ssh.js from node_modules on its first call, which finds ssh2 from docker-modem's own
// place as before. The duplex for attached stdin (readable-stream) serves `docker run -i`, not builds.
// `debug` prints only when DEBUG is set; without it, it is not loaded, and the request options it would
// print are no longer formatted with util.inspect at every request (a few milliseconds each).
const MODEM_PATCHES = [
  ["ssh = require('./ssh'),", "ssh = function () { return require('docker-modem/lib/ssh').apply(this, arguments); },"],
  ["HttpDuplex = require('./http_duplex'),", "HttpDuplex = function (req, res) { return new (require('./http_duplex'))(req, res); },"],
  ["debug = require('debug')('modem'),", "debug = process.env.DEBUG ? require('debug')('modem') : Object.assign(function () {}, { enabled: false }),"],
  ["debug('Sending: %s', util.inspect(options, {", "debug.enabled && debug('Sending: %s', util.inspect(options, {"],
];
const modemOnUse = {
  name: "docker-modem-on-use",
  setup(b) {
    b.onLoad({ filter: /[\\/]docker-modem[\\/]lib[\\/]modem\.js$/ }, (args) => {
      let contents = readFileSync(args.path, "utf8");
      for (const [from, to] of MODEM_PATCHES) {
        if (!contents.includes(from)) throw new Error(`bundle-cli: ${args.path} no longer has \`${from}\`; see MODEM_PATCHES`);
        contents = contents.replace(from, to);
      }
      return { contents, loader: "js" };
    });
    b.onResolve({ filter: /^docker-modem\/lib\/ssh$/ }, (args) => ({ path: args.path, external: true }));
  },
};

// Node's crypto and child_process take milliseconds to load, and a start rarely needs them: dflint's own
// --fix and ShellCheck code, and the language server's transport, only call them on some paths. So does
// https (with tls under it): docker-modem and the engine client hold it for TLS engines alone. Where the
// bundle holds one in a variable (`x=require("node:crypto")`, esbuild's form for named imports, read as
// `x.name` at each use), it gets a stand-in that requires the module on first use.
const LAZY = /=\s*require\("((?:node:)?(?:crypto|child_process|https))"\)/g;
const LAZY_REQUIRE = `var __dflintLazy = (id, m) => new Proxy({}, {
  get: (_, key) => (m ??= require(id))[key],
  has: (_, key) => key in (m ??= require(id)),
  ownKeys: () => Reflect.ownKeys((m ??= require(id))),
  getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor((m ??= require(id)), key); return d && { ...d, configurable: true }; },
});`;

function lazyBuiltins(code) {
  return code.replace(LAZY, (_, id) => `=__dflintLazy(${JSON.stringify(id)})`);
}

// esbuild escapes non-ASCII characters except in regular expression literals (and tagged templates, whose
// raw text must stay). One such character makes V8 hold the whole bundle as a two-byte string, which
// bin/dflint.js must decode as UTF-8 rather than Latin-1 at every start (3 ms). In a regular expression
// literal a \u escape matches the same; a backslash that escaped the character itself (`\µ`) gives way to it.
// The literals are found by TypeScript's parser: a `/` alone does not tell a division from a literal.
function asciiRegExps(code) {
  if (isAscii(code)) return code;
  const file = ts.createSourceFile("dflint.cjs", code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const literals = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      if (!isAscii(node.text)) literals.push(node);
    } else ts.forEachChild(node, visit);
  };
  visit(file);
  let out = "";
  let at = 0;
  for (const node of literals) {
    const start = node.getStart(file);
    const escaped = code.slice(start, node.end).replace(/(\\*)([^\0-\x7f])/gu, (_, slashes, char) => {
      const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
      return kept + [...Array(char.length).keys()].map((i) => "\\u" + char.charCodeAt(i).toString(16).padStart(4, "0")).join("");
    });
    out += code.slice(at, start) + escaped;
    at = node.end;
  }
  out += code.slice(at);
  if (!isAscii(out)) console.warn("bundle-cli: the bundle is not ASCII, so every start decodes it as UTF-8 (a few ms)");
  return out;
}

function isAscii(text) {
  return /^[\0-\x7f]*$/.test(text);
}

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
  plugins: [modemOnUse],
  // vm.Script, which runs the bundle, has no module loader for import() (not without an experimental
  // flag): esbuild turns each one into a require, the ones of Node's own modules too.
  supported: { "dynamic-import": false },
  logLevel: "warning",
  // Half the bytes to read and hash at every start; dflint prints messages, never its own stack traces.
  minify: true,
  // The sources find their package.json and node_modules from import.meta.url (package-info.ts,
  // createRequire), which a CommonJS file has not: it is the bundle's own URL.
  define: { "import.meta.url": "__dflintBundleUrl" },
  banner: { js: ['var __dflintBundleUrl = require("node:url").pathToFileURL(__filename).href;', LAZY_REQUIRE].join("\n") },
});
const text = asciiRegExps(lazyBuiltins(result.outputFiles[0].text));
if (/[^\w$.]import\s*\(/.test(text)) throw new Error("bundle-cli: the bundle still has an import(), which vm.Script cannot run");

// dflint may be running from this directory meanwhile (other terminals, tests): each file is replaced
// whole, and a cache of the previous bundle fails bin/dflint.js's checksum until its successor is written.
mkdirSync(outdir, { recursive: true });
writeFileSync(bundle + ".tmp", text);
renameSync(bundle + ".tmp", bundle);
for (const name of readdirSync(outdir)) {
  if (name !== "dflint.cjs" && !/^code-cache-\w+\.bin$/.test(name)) rmSync(outdir + name, { recursive: true, force: true });
}
await makeCodeCaches();
