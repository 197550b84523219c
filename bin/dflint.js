#!/usr/bin/env node
// Starts the bundled CLI (dist/cli/dflint.cjs, made by scripts/bundle-cli.mjs) through a V8 code cache.
//
// Without one, V8 parses the half-megabyte bundle and compiles each function the run calls: about half of
// what `dflint FILE` took beyond Node's own start. Node 20 has no module compile cache, so the bundle is
// compiled here with vm.Script and `cachedData`, produced by `script.createCachedData()` after a real run,
// which makes it hold the bytecode of every function that run called, not just the top level.
//
// Where the cache comes from:
//   - dist/cli/code-cache-{cli,lsp}.bin, made by `npm run build` from a lint and a language-server session
//     (scripts/code-cache.mjs) and shipped in the package: a first run is fast too (CI, pre-commit, a
//     read-only home), as long as Node's V8 and flags are the ones of the build.
//   - otherwise ($XDG_CACHE_HOME or ~/.cache)/dflint/, written once by the first real run that had no usable
//     cache, keyed by Node version, architecture, flags and bundle checksum, and written atomically. The
//     installed package itself is never written at run time: it may be read-only or shared. `dflint build`
//     has only this one (its first successful run writes it), and starts from the lint's until then.
// The cache is never a failure point: a missing, unreadable, stale, truncated or corrupt one is skipped and
// the bundle compiled from source. V8 itself only checks a cache's header (its version, its flags and the
// source's length), and a damaged payload behind a good header crashes it, so each file carries the
// checksums of the bundle it belongs to and of its payload, checked before V8 sees it.
//
// DFLINT_CODE_CACHE=off runs without any cache; DFLINT_CODE_CACHE=debug says on standard error which cache
// was used. DFLINT_CODE_CACHE_WRITE=FILE (for the build) reads none and writes this run's cache to FILE.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const BUNDLE = path.join(__dirname, "..", "dist", "cli", "dflint.cjs");
const MAGIC = "dflintcc";
const FORMAT = 1;
const HEADER = 24; // magic 8 · format · bundle crc32 · payload length · payload crc32 (u32 LE each)
/** How many user caches to keep: one per Node version and dflint build in use, a few of each. */
const KEEP = 8;
/** A long run (the language server) writes its cache after this long, having started up by then. */
const WRITE_AFTER_MS = 5000;

const args = process.argv.slice(2);
// The language server's start-up runs other code than a lint: each has its own cache of the one bundle.
// So does a build, whose cache is the user's own: making one takes an engine, which the package's build
// may not have.
const kind = args[0] === "lsp" ? "lsp" : args[0] === "build" ? "build" : "cli";
const shippedKind = kind === "build" ? "cli" : kind;
const setting = process.env.DFLINT_CODE_CACHE;
const writeTo = process.env.DFLINT_CODE_CACHE_WRITE || null;
const report = setting === "debug" ? (message) => process.stderr.write(`dflint: code cache: ${message}\n`) : () => {};

let bytes;
try {
  bytes = fs.readFileSync(BUNDLE);
} catch (e) {
  process.stderr.write(`dflint: cannot read ${BUNDLE} (${e.code ?? e.message}); run npm run build\n`);
  process.exit(2);
}
// The build escapes what esbuild leaves of non-ASCII (scripts/bundle-cli.mjs): Latin-1 is the fast decoding.
const source = require("node:buffer").isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
// zlib.crc32 came in Node 20.15; without it the cache's integrity cannot be checked cheaply, so none is used.
const crc32 = setting === "off" ? undefined : loadCrc32();
if (setting === "debug" && !crc32) report("none: this Node has no zlib.crc32 (20.15 and later have)");
const bundleCrc = crc32 ? crc32(bytes) : 0;
const userCache = crc32 && !writeTo ? userCachePath() : null;

let used = null;
let cachedData;
if (crc32 && !writeTo) {
  for (const file of [userCache, path.join(__dirname, "..", "dist", "cli", `code-cache-${shippedKind}.bin`)]) {
    if (!file) continue;
    const payload = readCache(file);
    if (payload) {
      used = file;
      cachedData = payload;
      break;
    }
  }
  if (!used) report("none usable");
}

// The wrapper Node's CommonJS loader puts around a module; the bundle is one.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
if (used) report(`${script.cachedDataRejected ? "rejected by V8" : "used"} ${used}`);
if (writeTo) writeWhenDone(writeTo);
else if (userCache && (!used || script.cachedDataRejected || (kind !== shippedKind && used !== userCache)) && !isTrivial()) writeWhenDone(userCache);

const bundleModule = { exports: {} };
script.runInThisContext().call(bundleModule.exports, bundleModule.exports, require("node:module").createRequire(BUNDLE), bundleModule, BUNDLE, path.dirname(BUNDLE));

/**
 * zlib's crc32. Loading node:zlib for it took 3 ms of every start, while the native function behind it is
 * there already: zlib's binding, asked for directly when it has crc32 (the function zlib.crc32 calls, with
 * the same results), unless process.binding's deprecation is to be reported (--pending-deprecation),
 * which would print a warning. A Node without either gets no cache.
 */
function loadCrc32() {
  const pending = process.execArgv.includes("--pending-deprecation") || /--pending-deprecation/.test(process.env.NODE_OPTIONS ?? "") || process.env.NODE_PENDING_DEPRECATION === "1";
  if (!pending) {
    try {
      const binding = process.binding("zlib");
      if (typeof binding.crc32 === "function") return (data) => binding.crc32(data, 0);
    } catch {
      // a Node without it: the module's below
    }
  }
  return require("node:zlib").crc32;
}

/** The cache's V8 payload, or undefined when the file is absent or not this bundle's intact cache. */
function readCache(file) {
  let data;
  try {
    data = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const why =
    data.length < HEADER || data.toString("latin1", 0, 8) !== MAGIC || data.readUInt32LE(8) !== FORMAT
      ? "not a dflint code cache"
      : data.readUInt32LE(12) !== bundleCrc
        ? "made for another build of dflint"
        : data.readUInt32LE(16) !== data.length - HEADER || data.readUInt32LE(20) !== crc32(data.subarray(HEADER))
          ? "damaged"
          : null;
  if (why) {
    report(`skipped ${file}: ${why}`);
    return undefined;
  }
  return data.subarray(HEADER);
}

function cacheDir() {
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "dflint");
  const home = process.env.HOME || process.env.USERPROFILE;
  return home ? path.join(home, ".cache", "dflint") : null;
}

/** This Node, these flags, this bundle: a cache V8 accepted once it will accept again. */
function userCachePath() {
  const dir = cacheDir();
  if (!dir) return null;
  // V8 rejects a cache made under other V8 flags, which execArgv and NODE_OPTIONS can set.
  const flags = crc32(process.execArgv.join("\0") + "\0\0" + (process.env.NODE_OPTIONS ?? ""));
  return path.join(dir, `${kind}-${process.version}-${process.arch}-${hex(bundleCrc)}-${hex(flags)}.bin`);
}

function hex(n) {
  return n.toString(16).padStart(8, "0");
}

// --help and --version call next to nothing: their cache would leave a later lint compiling as without one.
function isTrivial() {
  return args.length === 0 || args[0] === "help" || args.some((a) => a === "--help" || a === "-h" || a === "--version" || a === "-V");
}

/** Writes the cache at exit, or once the run has gone on for a while; only once, never failing the run. */
function writeWhenDone(file) {
  let done = false;
  const write = () => {
    if (done) return;
    done = true;
    try {
      writeCache(file);
      report(`wrote ${file}`);
    } catch (e) {
      report(`could not write ${file}: ${e.message}`);
    }
  };
  // A build that failed (no engine, say) ran little of what builds run: its cache would stay in the way.
  process.once("exit", (code) => (kind !== "build" || code === 0) && write());
  if (!writeTo) setTimeout(write, WRITE_AFTER_MS).unref();
}

function writeCache(file) {
  const payload = script.createCachedData();
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(FORMAT, 8);
  header.writeUInt32LE(bundleCrc, 12);
  header.writeUInt32LE(payload.length, 16);
  header.writeUInt32LE(crc32(payload), 20);
  const dir = path.dirname(file);
  // Only its owner may write code this program will run (the build's caches are the package's files).
  const mode = writeTo ? undefined : 0o700;
  fs.mkdirSync(dir, { recursive: true, mode });
  // A reader sees the old file or the whole new one, never a part: write aside, then rename over.
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([header, payload]), { mode: mode && 0o600 });
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  if (!writeTo) prune(dir, path.basename(file));
}

/** Keeps the newest few user caches: every Node upgrade and dflint build leaves one behind. */
function prune(dir, kept) {
  const now = Date.now();
  const entries = [];
  for (const name of fs.readdirSync(dir)) {
    if (name === kept || !/^(cli|lsp|build)-.*\.bin(\.\d+\.tmp)?$/.test(name)) continue;
    try {
      const stat = fs.statSync(path.join(dir, name));
      // A temporary file a killed run left behind (an hour is far longer than any write).
      if (name.endsWith(".tmp")) {
        if (now - stat.mtimeMs > 3_600_000) fs.rmSync(path.join(dir, name), { force: true });
      } else entries.push({ name, mtime: stat.mtimeMs });
    } catch {
      // removed meanwhile by another run
    }
  }
  entries.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of entries.slice(KEEP - 1)) fs.rmSync(path.join(dir, name), { force: true });
}
