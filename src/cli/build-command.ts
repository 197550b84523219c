// `dflint build`: docker build's options, a lint first (stopping before anything is sent when a
// finding reaches the failure threshold), then build() with a progress display. Exit codes: 0 built,
// 1 lint or build failed, 2 usage, I/O or no engine, 130 interrupted.
import { writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { build, type BuildEvent, type BuildOptions } from "../build/build.js";
import { BuildkitProgress } from "../build/progress-buildkit.js";
import { LegacyProgress } from "../build/progress-legacy.js";
import type { ProgressPrinter } from "../build/progress-printer.js";
import { codeFrame } from "../build/code-frame.js";
import type { Ulimit } from "../build/request.js";
import type { SecretSource } from "../build/session/secrets-service.js";
import { parseThreshold, type FailureThreshold } from "../lint/config.js";
import type { CliIo } from "./io.js";
import { readInput } from "./read-input.js";
import { BUILD_HELP } from "./usage.js";

export interface BuildArgs {
  context: string;
  file?: string;
  tags: string[];
  buildArgs: Record<string, string | null>;
  target?: string;
  labels: Record<string, string>;
  noCache: boolean;
  pull: boolean;
  platform?: string;
  network?: string;
  cacheFrom: string[];
  addHosts: string[];
  shmSize?: number;
  ulimits: Ulimit[];
  quiet: boolean;
  iidfile?: string;
  progress: "auto" | "plain" | "tty" | "json";
  builder: "auto" | "legacy" | "buildkit";
  lint: boolean;
  failureThreshold?: FailureThreshold;
  contextMode: "full" | "minimal";
  secrets: SecretSource[];
}

type Parsed = { ok: true; args: BuildArgs } | { ok: false; error: string } | { help: true };

const VALUE_OPTIONS = new Set([
  "--file", "--tag", "--build-arg", "--target", "--label", "--platform", "--network", "--cache-from", "--add-host",
  "--shm-size", "--ulimit", "--iidfile", "--progress", "--builder", "--context-mode", "--failure-threshold", "--secret",
]);
const SWITCHES = new Set(["--no-cache", "--pull", "--quiet", "--lint", "--no-lint", "--help"]);
const SHORT: Record<string, string> = { "-f": "--file", "-t": "--tag", "-q": "--quiet", "-h": "--help" };

/** docker's RAMInBytes: a number with an optional b, k, m or g suffix (binary units). */
export function parseBytes(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)i?b?$/i.exec(text.trim());
  if (!m) return null;
  const power = "bkmgt".indexOf((m[2] || "b").toLowerCase());
  const n = Math.floor(Number(m[1]) * 1024 ** power);
  return n > 0 ? n : null;
}

/**
 * docker build's `--secret id=ID[,type=file|env][,src=PATH|source=PATH][,env=NAME]`: a file (relative to
 * `cwd`) or an environment variable; with neither, the variable ID for type=env, else the file ID.
 */
export function parseSecret(value: string, cwd: string): { ok: true; secret: SecretSource } | { ok: false; error: string } {
  const fields = new Map<string, string>();
  for (const part of value.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return { ok: false, error: `--secret takes id=ID,src=FILE or id=ID,env=NAME, not '${value}'` };
    const key = part.slice(0, eq).trim().toLowerCase();
    if (!["id", "type", "src", "source", "env"].includes(key)) return { ok: false, error: `--secret has no field '${key}' (id, type, src, env)` };
    fields.set(key === "source" ? "src" : key, part.slice(eq + 1));
  }
  const id = fields.get("id");
  if (!id) return { ok: false, error: `--secret needs an id: '${value}'` };
  const type = fields.get("type");
  if (type !== undefined && type !== "file" && type !== "env") return { ok: false, error: `--secret type is file or env, not '${type}'` };
  const src = fields.get("src");
  const env = fields.get("env");
  if (src !== undefined && env !== undefined) return { ok: false, error: `--secret takes src or env, not both: '${value}'` };
  if (env !== undefined || (src === undefined && type === "env")) return { ok: true, secret: { id, env: env ?? id } };
  return { ok: true, secret: { id, file: resolve(cwd, src ?? id) } };
}

/** Reads build's command line; `env` gives `--build-arg NAME` its value. */
export function parseBuildArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Parsed {
  const args: BuildArgs = {
    context: "",
    tags: [],
    buildArgs: {},
    labels: {},
    noCache: false,
    pull: false,
    cacheFrom: [],
    addHosts: [],
    ulimits: [],
    quiet: false,
    progress: "auto",
    builder: "auto",
    lint: true,
    contextMode: "full",
    secrets: [],
  };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === "-" || !raw.startsWith("-")) {
      positional.push(raw);
      continue;
    }
    if (raw === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    let name = eq > 0 ? raw.slice(0, eq) : raw;
    let inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    if (!raw.startsWith("--") && raw.length > 2 && SHORT[raw.slice(0, 2)] && VALUE_OPTIONS.has(SHORT[raw.slice(0, 2)]!)) {
      name = raw.slice(0, 2);
      inline = raw.slice(2);
    }
    name = SHORT[name] ?? name;
    if (SWITCHES.has(name)) {
      if (inline !== undefined) return { ok: false, error: `${name} takes no value` };
      if (name === "--help") return { help: true };
      if (name === "--no-cache") args.noCache = true;
      else if (name === "--pull") args.pull = true;
      else if (name === "--quiet") args.quiet = true;
      else args.lint = name === "--lint";
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) return { ok: false, error: `unknown option '${name}'` };
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, error: `${name} needs a value` };
    switch (name) {
      case "--file":
        args.file = value;
        break;
      case "--tag":
        args.tags.push(value);
        break;
      case "--build-arg": {
        const e = value.indexOf("=");
        // NAME alone: from the environment, or declared without a value (null) as the CLI sends it.
        if (e < 0) args.buildArgs[value] = env[value] ?? null;
        else args.buildArgs[value.slice(0, e)] = value.slice(e + 1);
        break;
      }
      case "--label": {
        const e = value.indexOf("=");
        args.labels[e < 0 ? value : value.slice(0, e)] = e < 0 ? "" : value.slice(e + 1);
        break;
      }
      case "--target":
        args.target = value;
        break;
      case "--platform":
        args.platform = value;
        break;
      case "--network":
        args.network = value;
        break;
      case "--cache-from":
        args.cacheFrom.push(value);
        break;
      case "--add-host":
        if (!/^[^:]+:.+$/.test(value)) return { ok: false, error: `--add-host takes host:ip, not '${value}'` };
        args.addHosts.push(value);
        break;
      case "--shm-size": {
        const n = parseBytes(value);
        if (n === null) return { ok: false, error: `--shm-size takes a size such as 128m, not '${value}'` };
        args.shmSize = n;
        break;
      }
      case "--ulimit": {
        const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(value);
        if (!m) return { ok: false, error: `--ulimit takes name=soft[:hard], not '${value}'` };
        args.ulimits.push({ Name: m[1]!, Soft: Number(m[2]), Hard: Number(m[3] ?? m[2]) });
        break;
      }
      case "--iidfile":
        args.iidfile = value;
        break;
      case "--progress":
        if (!["auto", "plain", "tty", "json"].includes(value)) return { ok: false, error: `--progress takes auto, plain, tty or json, not '${value}'` };
        args.progress = value as BuildArgs["progress"];
        break;
      case "--builder":
        if (!["legacy", "buildkit", "auto"].includes(value)) return { ok: false, error: `--builder takes legacy or buildkit, not '${value}'` };
        args.builder = value as BuildArgs["builder"];
        break;
      case "--context-mode":
        if (value !== "full" && value !== "minimal") return { ok: false, error: `--context-mode takes full or minimal, not '${value}'` };
        args.contextMode = value;
        break;
      case "--secret": {
        const r = parseSecret(value, process.cwd());
        if (!r.ok) return r;
        args.secrets = [...args.secrets.filter((s) => s.id !== r.secret.id), r.secret];
        break;
      }
      case "--failure-threshold": {
        const t = parseThreshold(value);
        if (!t) return { ok: false, error: `--failure-threshold takes error, warning, info, style or none, not '${value}'` };
        args.failureThreshold = t;
        break;
      }
    }
  }
  if (positional.length > 1) return { ok: false, error: `one build context, not ${positional.length} (${positional.join(", ")})` };
  args.context = positional[0] ?? ".";
  if (args.context === "-") return { ok: false, error: "a context from standard input is not supported; give a directory (and -f - for a Dockerfile on standard input)" };
  return { ok: true, args };
}

function printerFor(args: BuildArgs, isTty: boolean, write: (t: string) => void): { kind: "legacy" | "buildkit" | "json"; make: (builder: "legacy" | "buildkit") => ProgressPrinter } {
  if (args.progress === "json") {
    const json: ProgressPrinter = { event: (e: BuildEvent) => write(JSON.stringify(e) + "\n"), finish: () => {} };
    return { kind: "json", make: () => json };
  }
  const tty = args.progress === "tty" || (args.progress === "auto" && isTty);
  return {
    kind: "legacy",
    make: (builder) => (builder === "legacy" ? new LegacyProgress(write, tty) : new BuildkitProgress(write, tty, process.stderr.rows ?? 24)),
  };
}

export async function buildCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseBuildArgs(argv, env);
  if ("help" in parsed) {
    io.out(BUILD_HELP + "\n");
    return 0;
  }
  if (!parsed.ok) {
    io.err(`dflint: ${parsed.error} (see dflint build --help)\n`);
    return 2;
  }
  const args = parsed.args;
  const cwd = process.cwd();

  let stdinText: Uint8Array | null = null;
  if (args.file === "-") {
    const read = await readInput("-");
    if (!read.ok) {
      io.err(`dflint: ${read.error}\n`);
      return 2;
    }
    stdinText = read.bytes;
  }

  if (args.lint) {
    // The linter loads on use: a --no-lint build starts without its rules and shell parser.
    const [{ isAtOrAbove, mergeConfigs }, { lint }, { findFormat }, { ConfigFinder }] = await Promise.all([
      import("../lint/config.js"),
      import("../lint/engine.js"),
      import("../lint/format/index.js"),
      import("./find-config.js"),
    ]);
    const path = args.file && args.file !== "-" ? resolve(cwd, args.file) : args.file === "-" ? null : resolve(cwd, args.context, "Dockerfile");
    let text = stdinText;
    if (text === null && path !== null) {
      const read = await readInput(path);
      if (!read.ok) {
        io.err(`dflint: ${read.error}\n`);
        return 2;
      }
      text = read.bytes;
    }
    const finder = new ConfigFinder(env);
    const loaded = await finder.load(await finder.find(path ? dirname(path) : cwd));
    if (!loaded.ok) {
      io.err(`dflint: ${loaded.error}\n`);
      return 2;
    }
    const config = mergeConfigs(loaded.config);
    const known: Record<string, string> = {};
    for (const [k, v] of Object.entries(args.buildArgs)) if (v !== null) known[k] = v;
    const result = lint(text!, {
      fileName: path ?? "-",
      settings: { ...config.settings, buildArgs: known },
      analyze: { ...(args.target ? { target: args.target } : {}), ...(args.platform ? { platform: args.platform } : {}) },
    });
    // A build stops on lint errors unless the configuration or --failure-threshold says otherwise.
    const threshold = args.failureThreshold ?? config.failureThreshold ?? "error";
    const display = args.file ?? (path ? resolve(args.context, "Dockerfile") : "-");
    if (result.findings.length > 0) {
      const format = findFormat(process.stderr.isTTY ? "tty" : "text")!;
      io.err(format.format([{ file: display, text: result.tree.text, findings: result.findings }], { color: process.stderr.isTTY === true && !env.NO_COLOR }));
    }
    const failing = result.findings.some((f) => isAtOrAbove(f.level, threshold)) || (result.checkError && result.findings.length > 0);
    if (failing) {
      io.err(`dflint: not built: the Dockerfile has findings at or above '${threshold}' (--no-lint builds anyway)\n`);
      return 1;
    }
  }

  const isTty = process.stderr.isTTY === true;
  const printers = printerFor(args, isTty, (t) => io.err(t));
  let printer: ProgressPrinter | null = null;
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const options: BuildOptions = {
    context: resolve(cwd, args.context),
    dockerfile: stdinText ? { kind: "text", text: stdinText } : args.file ? { kind: "path", path: args.file } : { kind: "default" },
    cwd,
    tags: args.tags,
    buildArgs: args.buildArgs,
    target: args.target,
    labels: args.labels,
    noCache: args.noCache,
    pull: args.pull,
    platform: args.platform,
    network: args.network,
    cacheFrom: args.cacheFrom,
    addHosts: args.addHosts,
    shmSize: args.shmSize,
    ulimits: args.ulimits,
    quiet: args.quiet,
    builder: args.builder,
    contextMode: args.contextMode,
    secrets: args.secrets,
    signal: controller.signal,
    env,
    onEvent: (e) => {
      if (e.type === "start") {
        printer = printers.make(e.builder);
        if (e.minimal && "fallback" in e.minimal) io.err(`dflint: sending the full context: ${e.minimal.fallback}\n`);
      }
      if (args.quiet && printers.kind !== "json") return;
      printer?.event(e);
    },
  };
  const outcome = await build(options);
  process.off("SIGINT", onSigint);
  (printer as ProgressPrinter | null)?.finish();
  if (!outcome.ok) {
    const { error } = outcome;
    if (error.kind === "aborted") {
      io.err("dflint: build cancelled\n");
      return 130;
    }
    io.err(`dflint: ${error.kind === "build" ? "build failed: " : ""}${error.message}\n`);
    if (error.dockerfile) io.err(`${error.dockerfile.display}:${error.dockerfile.line}\n${codeFrame(error.dockerfile.text, error.dockerfile.line)}\n`);
    return error.kind === "build" ? 1 : 2;
  }
  const { result } = outcome;
  if (args.iidfile) {
    try {
      await writeFile(args.iidfile, result.imageId);
    } catch (e) {
      io.err(`dflint: cannot write --iidfile ${args.iidfile}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  if (args.quiet) io.out(result.imageId + "\n");
  else if (result.builder === "buildkit" && printers.kind !== "json") io.err(`built ${result.imageId}${result.tags.length ? " as " + result.tags.join(", ") : ""} in ${(result.elapsedMs / 1000).toFixed(1)}s\n`);
  return 0;
}
