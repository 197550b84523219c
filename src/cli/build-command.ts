// `dflint build`: docker build's options, a lint first (stopping before anything is sent when a
// finding reaches the failure threshold), then build() with a progress display. Exit codes: 0 built,
// 1 lint or build failed, 2 usage, I/O or no engine, 130 interrupted.
import { writeFile } from "./fs-async.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { build, type BuildEvent, type BuildOptions } from "../build/build.js";
import { BuildkitProgress } from "../build/progress-buildkit.js";
import { LegacyProgress } from "../build/progress-legacy.js";
import type { ProgressPrinter } from "../build/progress-printer.js";
import { codeFrame } from "../build/code-frame.js";
import type { BuildResources, Ulimit } from "../build/request.js";
import type { SecretSource } from "../build/session/secrets-service.js";
import type { SshAgent } from "../build/ssh-agents.js";
import { parseOutput } from "../build/outputs.js";
import { parseThreshold, type FailureThreshold } from "../lint/config.js";
import type { CliIo } from "./io.js";
import { readInput } from "./read-input.js";
import { guardStdioStreams, isTerminal } from "./stdio.js";
import { answerUsage, checked, oneOf, readOptions, text, type Checked, type OptionTable, type Refusal } from "./read-options.js";
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
  resources: BuildResources;
  compress: boolean;
  forceRm: boolean;
  /** The legacy builder removes intermediate containers after a successful build (docker's default). */
  rm: boolean;
  quiet: boolean;
  iidfile?: string;
  progress: "auto" | "plain" | "tty" | "json";
  builder: "auto" | "legacy" | "buildkit";
  lint: boolean;
  failureThreshold?: FailureThreshold;
  contextMode: "full" | "minimal";
  secrets: SecretSource[];
  ssh: SshAgent[];
  /** `--output`: a directory, a tar file, or "-" for a tar on standard output. */
  output?: { type: "local" | "tar"; dest: string };
}

type Parsed = { ok: true; args: BuildArgs } | Refusal | { help: true };

// docker build's options, with its one-letter forms.
const BUILD_OPTIONS = {
  "--file": { short: "-f", value: text },
  "--tag": { short: "-t", value: text, repeat: true },
  "--build-arg": { value: text, repeat: true },
  "--target": { value: text },
  "--label": { value: text, repeat: true },
  "--platform": { value: text },
  "--network": { value: text },
  "--cache-from": { value: text, repeat: true },
  "--add-host": { value: (v) => checked(/^[^:]+:.+$/.test(v) ? v : null, `--add-host takes host:ip, not '${v}'`), repeat: true },
  "--shm-size": { value: (v) => checked(parseBytes(v), `--shm-size takes a size such as 128m, not '${v}'`) },
  "--ulimit": { value: readUlimit, repeat: true },
  "--memory": { short: "-m", value: (v) => checked(parseBytes(v), `--memory takes a size such as 512m, not '${v}'`) },
  "--memory-swap": { value: (v) => checked(v.trim() === "-1" ? -1 : parseBytes(v), `--memory-swap takes a size such as 1g, or -1 for unlimited, not '${v}'`) },
  "--cpu-shares": { short: "-c", value: (v) => checked(wholeNumber(v), `--cpu-shares takes a whole number, not '${v}'`) },
  "--cpuset-cpus": { value: text },
  "--cpuset-mems": { value: text },
  "--cpu-period": { value: (v) => checked(wholeNumber(v), `--cpu-period takes microseconds, not '${v}'`) },
  "--cpu-quota": { value: (v) => checked(wholeNumber(v), `--cpu-quota takes microseconds, not '${v}'`) },
  "--cgroup-parent": { value: text },
  "--iidfile": { value: text },
  "--progress": { value: oneOf(["auto", "plain", "tty", "json"], "--progress takes auto, plain, tty or json") },
  "--builder": { value: oneOf(["legacy", "buildkit", "auto"], "--builder takes legacy or buildkit") },
  "--context-mode": { value: oneOf(["full", "minimal"], "--context-mode takes full or minimal") },
  "--failure-threshold": { value: (v) => checked(parseThreshold(v), `--failure-threshold takes error, warning, info, style or none, not '${v}'`) },
  "--secret": { value: (v) => parseSecret(v, process.cwd()), repeat: true },
  "--ssh": { value: text, repeat: true },
  "--output": { short: "-o", value: (v) => parseOutput(v, process.cwd()) },
  "--no-cache": { bool: true },
  "--compress": { bool: true },
  "--force-rm": { bool: true },
  "--rm": { bool: true },
  "--pull": { bool: true },
  "--quiet": { short: "-q", bool: true },
  "--lint": {},
  "--no-lint": { key: "--lint", sets: false },
} as const satisfies OptionTable;

/** The legacy builder's limits (BuildResources), by option. */
const RESOURCE_OPTIONS = {
  "--memory": "memory",
  "--memory-swap": "memorySwap",
  "--cpu-shares": "cpuShares",
  "--cpuset-cpus": "cpusetCpus",
  "--cpuset-mems": "cpusetMems",
  "--cpu-period": "cpuPeriod",
  "--cpu-quota": "cpuQuota",
  "--cgroup-parent": "cgroupParent",
} as const satisfies Record<string, keyof BuildResources>;

const wholeNumber = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : null);

function readUlimit(value: string): Checked<Ulimit> {
  const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(value);
  return checked(m && { Name: m[1]!, Soft: Number(m[2]), Hard: Number(m[3] ?? m[2]) }, `--ulimit takes name=soft[:hard], not '${value}'`);
}

/** docker's RAMInBytes: a number with an optional b, k, m or g suffix (binary units). */
export function parseBytes(size: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)i?b?$/i.exec(size.trim());
  if (!m) return null;
  const power = "bkmgt".indexOf((m[2] || "b").toLowerCase());
  const n = Math.floor(Number(m[1]) * 1024 ** power);
  return n > 0 ? n : null;
}

/**
 * docker build's `--secret id=ID[,type=file|env][,src=PATH|source=PATH][,env=NAME]`: a file (relative to
 * `cwd`) or an environment variable; with neither, the variable ID for type=env, else the file ID.
 */
export function parseSecret(value: string, cwd: string): Checked<SecretSource> {
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
  if (env !== undefined || (src === undefined && type === "env")) return { ok: true, value: { id, env: env ?? id } };
  return { ok: true, value: { id, file: resolve(cwd, src ?? id) } };
}

/**
 * docker build's `--ssh default|ID[=SOCKET]`: an agent's socket (relative to `cwd`), or without one the
 * agent of SSH_AUTH_SOCK. Key files are refused when the build checks the path (build/ssh-agents.ts).
 */
export function parseSsh(value: string, cwd: string, env: NodeJS.ProcessEnv): Checked<SshAgent> {
  const eq = value.indexOf("=");
  const id = (eq < 0 ? value : value.slice(0, eq)).trim();
  if (!id) return { ok: false, error: `--ssh takes default or ID[=SOCKET], not '${value}'` };
  const path = eq < 0 ? "" : value.slice(eq + 1);
  if (path.includes(",")) return { ok: false, error: `--ssh ${id}: one agent socket per ID, not '${path}'` };
  const socket = path || env.SSH_AUTH_SOCK;
  if (!socket) return { ok: false, error: `--ssh ${id} forwards the agent of SSH_AUTH_SOCK, which is not set: start ssh-agent, or give ${id}=SOCKET` };
  return { ok: true, value: { id, socket: resolve(cwd, socket) } };
}

/** Reads build's command line; `env` gives `--build-arg NAME` its value, and `--ssh default` its agent. */
export function parseBuildArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Parsed {
  const read = readOptions(argv, BUILD_OPTIONS);
  if ("help" in read || !read.ok) return read;
  const { options: o, operands } = read;
  if (operands.length > 1) return { ok: false, error: `one build context, not ${operands.length} (${operands.join(", ")})` };
  const context = operands[0] ?? ".";
  if (context === "-" && o["--file"] !== undefined) return { ok: false, error: "with - as the context, standard input is the Dockerfile: -f cannot be given too" };
  const buildArgs: Record<string, string | null> = {};
  for (const arg of o["--build-arg"] ?? []) {
    const e = arg.indexOf("=");
    // NAME alone: from the environment, or declared without a value (null) as the CLI sends it.
    if (e < 0) buildArgs[arg] = env[arg] ?? null;
    else buildArgs[arg.slice(0, e)] = arg.slice(e + 1);
  }
  const labels: Record<string, string> = {};
  for (const label of o["--label"] ?? []) {
    const e = label.indexOf("=");
    labels[e < 0 ? label : label.slice(0, e)] = e < 0 ? "" : label.slice(e + 1);
  }
  const ssh: SshAgent[] = [];
  for (const value of o["--ssh"] ?? []) {
    const agent = parseSsh(value, process.cwd(), env);
    if (!agent.ok) return agent;
    ssh.push(agent.value);
  }
  // A secret given again under the same id replaces the earlier one.
  const secrets = (o["--secret"] ?? []).filter((s, i, all) => !all.slice(i + 1).some((later) => later.id === s.id));
  const args: BuildArgs = {
    context,
    file: o["--file"],
    tags: o["--tag"] ?? [],
    buildArgs,
    target: o["--target"],
    labels,
    noCache: o["--no-cache"] ?? false,
    compress: o["--compress"] ?? false,
    forceRm: o["--force-rm"] ?? false,
    rm: o["--rm"] ?? true,
    pull: o["--pull"] ?? false,
    platform: o["--platform"],
    network: o["--network"],
    cacheFrom: o["--cache-from"] ?? [],
    addHosts: o["--add-host"] ?? [],
    shmSize: o["--shm-size"],
    ulimits: o["--ulimit"] ?? [],
    resources: Object.fromEntries(Object.entries(RESOURCE_OPTIONS).map(([option, key]) => [key, o[option as keyof typeof RESOURCE_OPTIONS]]).filter(([, value]) => value !== undefined)),
    quiet: o["--quiet"] ?? false,
    iidfile: o["--iidfile"],
    progress: o["--progress"] ?? "auto",
    builder: o["--builder"] ?? "auto",
    lint: o["--lint"] ?? true,
    failureThreshold: o["--failure-threshold"],
    contextMode: o["--context-mode"] ?? "full",
    secrets,
    ssh,
    output: o["--output"],
  };
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
    make: (builder) => (builder === "legacy" ? new LegacyProgress(write, tty) : new BuildkitProgress(write, tty, tty ? (process.stderr.rows ?? 24) : 24)),
  };
}

export async function buildCommand(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const parsed = parseBuildArgs(argv, env);
  if ("help" in parsed || !parsed.ok) return answerUsage(parsed, io, "build", BUILD_HELP);
  if (parsed.args.context !== "-") return buildFrom(parsed.args, io, env);
  // `dflint build - < Dockerfile`: the Dockerfile on standard input and no context, which the CLI
  // builds from an empty directory; so does dflint.
  const empty = await mkdtemp(join(tmpdir(), "dflint-empty-context-"));
  try {
    return await buildFrom({ ...parsed.args, context: empty, file: "-" }, io, env, { contextFromStdin: true });
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
}

/** Whether bytes begin as an archive the CLI would take for a context: tar, gzip, bzip2, xz or zstd. */
function isArchive(bytes: Uint8Array): boolean {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  const ustar = bytes.length > 262 && Buffer.from(bytes.subarray(257, 262)).toString("latin1") === "ustar";
  return ustar || starts(0x1f, 0x8b) || starts(0x42, 0x5a, 0x68) || starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00) || starts(0x28, 0xb5, 0x2f, 0xfd);
}

async function buildFrom(args: BuildArgs, io: CliIo, env: NodeJS.ProcessEnv, how: { contextFromStdin?: boolean } = {}): Promise<number> {
  const cwd = process.cwd();
  let stdinText: Uint8Array | null = null;
  if (args.file === "-") {
    const read = await readInput("-");
    if (!read.ok) {
      io.err(`dflint: ${read.error}\n`);
      return 2;
    }
    if (how.contextFromStdin && isArchive(read.bytes)) {
      io.err("dflint: standard input holds an archive: dflint builds from standard input only a Dockerfile (no context); extract the archive and give its directory\n");
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
      const format = findFormat(isTerminal(2) ? "tty" : "text")!;
      io.err(format.format([{ file: display, text: result.tree.text, findings: result.findings }], { color: isTerminal(2) && !env.NO_COLOR }));
    }
    const failing = result.findings.some((f) => isAtOrAbove(f.level, threshold)) || (result.checkError && result.findings.length > 0);
    if (failing) {
      io.err(`dflint: not built: the Dockerfile has findings at or above '${threshold}' (--no-lint builds anyway)\n`);
      return 1;
    }
  }

  // A tar on standard output, as the CLI writes it; never onto a terminal. isatty, not isTerminal:
  // /dev/null is a character device too, and `-o - > /dev/null` is no terminal.
  const toStdout = args.output?.dest === "-";
  if (toStdout && (await import("node:tty")).isatty(1)) {
    io.err("dflint: --output - writes a tar to standard output, which is a terminal: redirect it, or give type=tar,dest=FILE\n");
    return 2;
  }
  if (toStdout) guardStdioStreams();
  const output = args.output && (toStdout ? { type: "tar" as const, dest: process.stdout } : args.output);
  const isTty = isTerminal(2);
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
    resources: args.resources,
    compress: args.compress,
    forceRm: args.forceRm,
    rm: args.rm,
    quiet: args.quiet,
    builder: args.builder,
    contextMode: args.contextMode,
    secrets: args.secrets,
    ssh: args.ssh,
    ...(output ? { output } : {}),
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
  if (args.output) {
    if (!args.quiet && printers.kind !== "json") io.err(`exported to ${toStdout ? "standard output" : args.output.dest} in ${(result.elapsedMs / 1000).toFixed(1)}s\n`);
    return 0;
  }
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
