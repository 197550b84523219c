// build(): a Dockerfile and its context in, an image out. Connects to the engine, picks the builder,
// plans the context (full, or minimal from the model) and sends it: with BuildKit through a session,
// where the daemon pulls the files its COPY instructions read (session/), else as a tar streamed into
// POST /build; reads the response, and turns the daemon's answer into a result or an error with the
// Dockerfile line it belongs to. Progress goes to `onEvent`; `signal` aborts the request, the
// daemon's build and the session.
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import type { AnalyzeOptions, Model } from "../model/model.js";
import type { StatusResponse } from "./buildkit-status.js";
import type { ContextSources } from "./context-sources.js";
import { planContext, type ContextPlan, type DockerfileInput } from "./context-plan.js";
import { walkContext } from "./context-walk.js";
import { allCredentials, proxyBuildArgs, readDockerConfig, registryConfigHeader, type DockerConfig } from "./docker-config.js";
import { Engine, isVersionAtLeast } from "./engine-client.js";
import { resolveEndpoint } from "./engine-endpoint.js";
import { lineOfLegacyStep, lineOfMessage, lineOfVertex } from "./error-line.js";
import { readMessages, type StreamMessage } from "./json-stream.js";
import { buildQuery, type Builder, type BuildRequestOptions } from "./request.js";
import { ioReason } from "./io-reason.js";
import { uploadBody } from "./upload-body.js";
import type { BuildSession, SessionDirs } from "./session/build-session.js";
import { connectSession, sessionMethods, sessionSharedKey, type SessionIdentity } from "./session/session-connection.js";
import { newSessionId } from "./session/session-id.js";
import type { SecretSource } from "./session/secrets-service.js";
import { sshAgentsProblem, type SshAgent } from "./ssh-agents.js";
import { diskTree, memoryTree } from "./session/sync-tree.js";

/** How the context reaches the engine: pulled by BuildKit through a session, or uploaded as a tar. */
export type ContextTransport = "session" | "tar";

export type BuildEvent =
  | { type: "start"; builder: Builder; engine: string; apiVersion: string; dockerfile: string; minimal: ContextPlan["minimal"]; transport: ContextTransport }
  | { type: "note"; message: string }
  /** Bytes of tar sent so far. */
  | { type: "upload"; bytes: number; done: boolean }
  /** A legacy builder message (step text, RUN output, pull progress). */
  | { type: "message"; message: StreamMessage }
  /** A decoded BuildKit progress update. */
  | { type: "status"; status: StatusResponse };

export interface BuildOptions extends Omit<BuildRequestOptions, "dockerfile" | "buildArgs" | "sessionId"> {
  /** The context directory. */
  context: string;
  dockerfile?: DockerfileInput;
  /** For a relative `-f`; the process's working directory by default. */
  cwd?: string;
  /** `null`: declared without a value (the daemon treats it as unset). */
  buildArgs?: Readonly<Record<string, string | null>>;
  /** "auto" (the default): BuildKit when the engine can run it. */
  builder?: Builder | "auto";
  contextMode?: "full" | "minimal";
  /** Gzip the context tar (the tar upload only: a session transfers files, not a tar). */
  compress?: boolean;
  /** With BuildKit, serve the context through a session (the default); false uploads a tar. */
  session?: boolean;
  /** `--secret`: values for RUN --mount=type=secret, served through the session. */
  secrets?: readonly SecretSource[];
  /** `--ssh`: agents RUN --mount=type=ssh may use (list and sign only), forwarded through the session. */
  ssh?: readonly SshAgent[];
  signal?: AbortSignal;
  onEvent?: (event: BuildEvent) => void;
  env?: NodeJS.ProcessEnv;
}

export interface BuildResult {
  /** "" when the result went to an `output` instead of an image. */
  imageId: string;
  tags: string[];
  warnings: string[];
  elapsedMs: number;
  builder: Builder;
  /** Files and content bytes sent. */
  sent: { files: number; bytes: number };
  /** Whether the minimal context was used, or why not (the tar upload only). */
  minimal: ContextPlan["minimal"];
  transport: ContextTransport;
  /** The bytes the daemon sent to the `output` (the tar's, or the files' content). */
  outputBytes?: number;
}

export type BuildErrorKind = "usage" | "unreachable" | "io" | "build" | "aborted";

export interface BuildError {
  kind: BuildErrorKind;
  message: string;
  /** The Dockerfile the line refers to, its text, and the 1-based line. */
  dockerfile?: { display: string; text: string; line: number };
  /** A RUN's exit code (legacy builder). */
  exitCode?: number;
}

export type BuildOutcome = { ok: true; result: BuildResult } | { ok: false; error: BuildError };

/** Picks the builder: BuildKit when asked, or when the engine recommends or supports it (API 1.39+ on Linux). */
export function chooseBuilder(requested: BuildOptions["builder"], engine: Engine): Builder {
  if (requested === "legacy" || requested === "buildkit") return requested;
  const { builderVersion, apiVersion, osType } = engine.info;
  if (builderVersion === "1") return "legacy";
  if (builderVersion === "2") return "buildkit";
  return isVersionAtLeast(apiVersion, "1.39") && (osType ?? "linux") === "linux" ? "buildkit" : "legacy";
}

// Base images whose ONBUILD triggers could read the context are only known to the engine. The images
// are asked about together (one round trip, not one per stage); the first stage's answer counts first.
async function onbuildFallback(engine: Engine, model: Model): Promise<string | null> {
  if (!model.target) return null;
  const names = model.stagesNeededBy(model.target).flatMap((stage) => (stage.base.kind === "image" ? [stage.base.text] : []));
  const answers = await Promise.all(names.map((name) => engine.json<{ Config?: { OnBuild?: string[] | null } }>("GET", `/images/${encodeURIComponent(name)}/json`)));
  for (const [i, r] of answers.entries()) {
    const name = names[i]!;
    if (!r.ok) return r.error;
    if (r.status === 404) return `the base image ${name} is not in the engine yet, so its ONBUILD triggers are unknown`;
    if (r.body?.Config?.OnBuild?.length) return `the base image ${name} has ONBUILD triggers, which may read the context`;
  }
  return null;
}

/**
 * Makes the output directory, as the CLI does before the daemon sends anything (a result is merged into
 * what is there), or checks that a tar file can be made where it is to go; why not, or null.
 */
async function checkOutput(output: BuildOptions["output"]): Promise<string | null> {
  if (!output || typeof output.dest !== "string") return null;
  const dest = output.dest;
  try {
    if (output.type === "local") await mkdir(dest, { recursive: true, mode: 0o700 });
    else {
      if ((await stat(dest).catch(() => null))?.isDirectory()) return `cannot write the output to ${dest}: it is a directory (type=local writes into one)`;
      await access(dirname(dest), constants.W_OK);
    }
    return null;
  } catch (e) {
    return output.type === "local" ? `cannot create the output directory ${dest}: ${ioReason(e)}` : `cannot write the output to ${dest}: ${ioReason(e)}`;
  }
}

/** What the options given that only a BuildKit session serves (secrets, SSH agents, outputs) need, as a sentence's start; null when none is. */
function sessionOnlyNeed(options: BuildOptions): string | null {
  const given = [options.secrets?.length ? "--secret" : "", options.ssh?.length ? "--ssh" : "", options.output ? "--output" : ""].filter(Boolean);
  return given.length === 0 ? null : `${given.join(" and ")} ${given.length > 1 ? "need" : "needs"}`;
}

/** Builds an image. Never throws for bad input or a failing engine. */
export async function build(options: BuildOptions): Promise<BuildOutcome> {
  const started = Date.now();
  const env = options.env ?? process.env;
  const emit = options.onEvent ?? (() => {});
  const signal = options.signal;
  const fail = (kind: BuildErrorKind, message: string, extra: Partial<BuildError> = {}): BuildOutcome => ({ ok: false, error: { kind, message, ...extra } });
  const sessionOnly = sessionOnlyNeed(options);
  const sshProblem = sshAgentsProblem(options.ssh ?? []);

  // config.json is read once, for the current context, the proxies and the credentials.
  const configRead = readDockerConfig(env);
  const where = await resolveEndpoint(env, () => configRead);
  if (!where.ok) return fail("unreachable", where.error);
  const host = where.endpoint.kind === "tcp" ? `tcp://${where.endpoint.host}:${where.endpoint.port}` : where.endpoint.address;
  // The build args the Dockerfile sees: the caller's, and the proxies of config.json for this engine.
  const args = configRead.then((config) => {
    const buildArgs: Record<string, string | null> = { ...options.buildArgs };
    if (config.ok) for (const [k, v] of Object.entries(proxyBuildArgs(config.config, host))) if (!(k in buildArgs)) buildArgs[k] = v;
    const known: Record<string, string> = {};
    for (const [k, v] of Object.entries(buildArgs)) if (v !== null) known[k] = v;
    return { buildArgs, known };
  });

  // The ping (the API version, the builder) and the reads of the context, the Dockerfile and its ignore
  // file overlap; what is decided from the Dockerfile waits for the builder. Both succeed before anything is sent.
  const connecting = Engine.connect(where.endpoint, env, signal);
  const models: Models = { sent: null };
  const planning = planContext({
    context: options.context,
    dockerfile: options.dockerfile ?? { kind: "default" },
    cwd: options.cwd,
    decide: async (bytes) => {
      const connected = await connecting;
      if (!connected.ok) return {};
      const builder = chooseBuilder(options.builder, connected.engine);
      // Through a session the daemon reads the Dockerfile and asks for what it needs: nothing to decide.
      if (builder === "buildkit" && options.session !== false) return {};
      const { known } = await args;
      const [{ analyzeText }, { pruneStages }, { contextSources }] = await Promise.all([import("./analyze-text.js"), import("./prune-stages.js"), import("./context-sources.js")]);
      const analyzeOptions = modelOptions(options, known);
      const userModel = analyzeText(bytes, analyzeOptions);
      models.sent = userModel;
      let sendText: string | null = null;
      if (builder === "legacy" && userModel.target) {
        sendText = pruneStages(userModel);
        if (sendText !== null) models.sent = analyzeText(sendText, analyzeOptions);
      }
      let sources: ContextSources | null = null;
      if (options.contextMode === "minimal") {
        sources = contextSources(userModel);
        if (sources.ok) {
          const why = await onbuildFallback(connected.engine, userModel);
          if (why) sources = { ok: false, reason: why };
        }
      }
      return { sendText, sources };
    },
  });

  const connected = await connecting;
  if (!connected.ok) {
    await planning;
    if (signal?.aborted) return fail("aborted", "the build was cancelled");
    return fail("unreachable", `${connected.error}. Start an engine (dockerd, or ../shared/engine/start-dockerd.sh here) or point DOCKER_HOST or a docker context at one.`);
  }
  const engine = connected.engine;
  const builder = chooseBuilder(options.builder, engine);
  const problem = await sshProblem;
  if (problem) {
    await planning;
    return fail("usage", problem);
  }
  if (sessionOnly && builder === "legacy") {
    await planning;
    return fail("usage", `${sessionOnly} BuildKit (--builder buildkit): the legacy builder has no session to serve them`);
  }
  const viaSession = builder === "buildkit" && options.session !== false;
  if (!viaSession && sessionOnly) {
    await planning;
    return fail("usage", `${sessionOnly} the BuildKit session, which \`session: false\` turns off`);
  }
  const outputProblem = await checkOutput(options.output);
  if (outputProblem) {
    await planning;
    return fail("io", outputProblem);
  }
  const config = await configRead;
  if (!config.ok) {
    await planning;
    return fail("io", config.error);
  }
  const { buildArgs, known } = await args;

  // Through a session the session's identity is settled while the Dockerfile is read.
  const sessionId = viaSession ? newSessionId() : null;
  const contextDir = resolve(options.cwd ?? process.cwd(), options.context);
  const sharedKey = viaSession ? sessionSharedKey(contextDir, config.config.dir) : null;
  const planned = await planning;
  if (!planned.ok) return fail("io", planned.error);
  const outcome = await buildWith(options, {
    engine,
    builder,
    session: sessionId && sharedKey ? { id: sessionId, name: contextDir.split("/").filter(Boolean).pop() ?? "context", sharedKey: await sharedKey } : null,
    plan: planned.plan,
    models,
    config: config.config,
    env,
    buildArgs,
    known,
    started,
    endpoint: where.endpoint.address,
    fail,
    emit,
  });
  if (outcome === "no-session") {
    // An engine that opens no session (before API 1.39, or with BuildKit off) gets the context as a tar.
    return build({ ...options, session: false });
  }
  return outcome;
}

// The Dockerfile is read as the daemon reads it: with the build args that have values, the target and platform.
function modelOptions(options: BuildOptions, known: Record<string, string>): AnalyzeOptions {
  return { buildArgs: known, ...(options.target ? { target: options.target } : {}), ...(options.platform ? { platform: options.platform } : {}) };
}

/** The model of the Dockerfile as sent (the legacy builder's is without the stages the target does not need). */
interface Models {
  sent: Model | null;
}

interface Prepared {
  engine: Engine;
  builder: Builder;
  /** The session's identity, when BuildKit pulls the context through one. */
  session: SessionIdentity | null;
  plan: ContextPlan;
  models: Models;
  config: DockerConfig;
  env: NodeJS.ProcessEnv;
  buildArgs: Record<string, string | null>;
  known: Record<string, string>;
  started: number;
  endpoint: string;
  fail: (kind: BuildErrorKind, message: string, extra?: Partial<BuildError>) => BuildOutcome;
  emit: (event: BuildEvent) => void;
}

// The Dockerfile's name in the session's `dockerfile` directory, its permission bits and mtime: the
// daemon keeps what it synced by these, so a changed Dockerfile must show a changed stat.
async function dockerfileEntry(input: DockerfileInput, display: string, cwd: string): Promise<{ name: string; mode: number; mtimeNs: bigint }> {
  const now = BigInt(Date.now()) * 1_000_000n;
  if (input.kind === "text") return { name: "Dockerfile", mode: 0o644, mtimeNs: now };
  const path = input.kind === "path" ? resolve(cwd, input.path) : display;
  try {
    const st = await stat(path, { bigint: true });
    return { name: basename(path), mode: Number(st.mode & 0o7777n), mtimeNs: st.mtimeNs };
  } catch {
    return { name: basename(path), mode: 0o644, mtimeNs: now };
  }
}

async function buildWith(options: BuildOptions, p: Prepared): Promise<BuildOutcome | "no-session"> {
  const { engine, builder, plan, models, buildArgs, known, fail, emit } = p;
  const signal = options.signal;
  const dockerfileText = Buffer.from(plan.dockerfileText).toString("utf8");
  const frameAt = (line: number | null): Partial<BuildError> => (line ? { dockerfile: { display: plan.dockerfileDisplay, text: dockerfileText, line } } : {});
  // Through a session the Dockerfile is not analysed before the build: only a failure needs its lines.
  const sentModel = async () => (models.sent ??= (await import("./analyze-text.js")).analyzeText(plan.dockerfileText, modelOptions(options, known)));

  let dockerfileName = plan.dockerfileName;
  let dirs: SessionDirs | null = null;
  if (p.session) {
    // The ignore file dflint chose applies as the user wrote it: through a session the Dockerfile and
    // .dockerignore are read from their own directory, so listing them hides them from COPY, as with the CLI.
    const entry = await dockerfileEntry(options.dockerfile ?? { kind: "default" }, plan.dockerfileDisplay, options.cwd ?? process.cwd());
    dockerfileName = entry.name;
    dirs = {
      context: { tree: diskTree(plan.root), excludes: plan.ignorePatterns },
      // The bytes dflint read and linted, whether from a file, from outside the context or from standard input.
      dockerfile: { tree: memoryTree([{ name: entry.name, content: plan.dockerfileText, mode: entry.mode, mtimeNs: entry.mtimeNs }]), excludes: null },
    };
  }

  const buildId = randomBytes(32).toString("hex");
  const q = buildQuery({ ...options, buildArgs, dockerfile: dockerfileName, ...(p.session ? { sessionId: p.session.id } : {}) }, builder, engine.info.apiVersion, buildId);
  if (!q.ok) return fail("usage", q.error);

  // The context: walked, packed and counted as it streams into the request; nothing with a session.
  // tar-stream loads only for the upload: a session build starts without it.
  const packed = p.session ? null : (await import("./context-tar.js")).packContext(walkContext(plan.root, plan.walk), { ...plan.pack, onNote: (message) => emit({ type: "note", message }) });
  const counter = uploadBody((bytes, done) => emit({ type: "upload", bytes, done }));
  const body: Readable = packed ? counter : Readable.from([]);
  packed?.stream.on("error", (e) => counter.destroy(e));
  if (packed && options.compress) {
    // --compress: gzip, which the daemon recognises, for an engine at the end of a slow link. The
    // progress counts what goes over the wire.
    const gzip = (await import("node:zlib")).createGzip();
    gzip.on("error", (e) => counter.destroy(e));
    packed.stream.pipe(gzip).pipe(counter);
  } else packed?.stream.pipe(counter);
  const packDone = async (waitMs?: number) => {
    if (!packed) return null;
    return waitMs === undefined ? packed.done : Promise.race([packed.done, new Promise<null>((r) => setTimeout(() => r(null), waitMs))]);
  };
  let session: BuildSession | null = null;
  const sessionFailure = () => session?.failure() ?? null;

  const controller = new AbortController();
  const onAbort = () => {
    controller.abort();
    session?.close();
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  const cancelBuildKit = () => {
    // Closing the connection cancels the build; BuildKit is also told by id, as the CLI does.
    if (builder === "buildkit") void engine.request({ method: "POST", path: "/build/cancel", query: { id: buildId } }).then((r) => r.ok && r.response.resume());
  };
  signal?.addEventListener("abort", cancelBuildKit, { once: true });
  try {
    const headers: Record<string, string> = { "Content-Type": "application/x-tar" };
    // With a session the daemon asks for a registry's credentials when it needs them (Auth/Credentials),
    // so none are collected up front (credential helpers are programs to run), as the CLI sends none.
    headers["X-Registry-Config"] = registryConfigHeader(p.session ? {} : await allCredentials(p.config));
    const requesting = engine.request({ method: "POST", path: "/build", query: q.query, body, headers, signal: controller.signal });
    if (p.session && dirs) {
      // The session's request follows the build's, as the CLI sends them; the daemon waits for the
      // session the build names. Its server loads once the engine has answered, with both requests out.
      const connection = await connectSession(engine, p.session, sessionMethods({ ssh: (options.ssh?.length ?? 0) > 0, output: options.output !== undefined }));
      if (!connection.ok) {
        controller.abort();
        cancelBuildKit();
        await requesting;
        if (signal?.aborted) return fail("aborted", "the build was cancelled");
        const sessionOnly = sessionOnlyNeed(options);
        if (sessionOnly) return fail("build", `${sessionOnly} a BuildKit session, and ${connection.error}`);
        if (!connection.unsupported) return fail("unreachable", connection.error);
        emit({ type: "note", message: `${connection.error}; the context is uploaded as a tar instead` });
        return "no-session";
      }
      const { serveBuildSession } = await import("./session/build-session.js");
      session = serveBuildSession(connection.socket, { config: p.config, secrets: options.secrets ?? [], ssh: options.ssh ?? [], output: options.output ?? null, env: p.env, dirs, onNote: (message) => emit({ type: "note", message }) });
      if (signal?.aborted) session.close();
    }
    // BuildKit's progress decoder (protobuf types) loads while the daemon prepares the build, after the
    // session's services, which the daemon's first calls need.
    let statusDecoder = builder === "buildkit" ? (session?.ready ?? Promise.resolve()).then(() => import("./buildkit-status.js")) : null;
    const transport: ContextTransport = session ? "session" : "tar";
    emit({ type: "start", builder, engine: p.endpoint, apiVersion: engine.info.apiVersion, dockerfile: plan.dockerfileDisplay, minimal: session ? null : plan.minimal, transport });
    if (session) emit({ type: "note", message: "the context goes through a BuildKit session: the engine pulls only the files the build reads" });
    if (builder === "buildkit" && Object.keys(options.resources ?? {}).length > 0) {
      emit({ type: "note", message: "the resource limits (--memory, --memory-swap, --cpu-*, --cpuset-*, --cgroup-parent) are the legacy builder's; BuildKit ignores them, as it ignores the CLI's" });
    }
    const res = await requesting;
    if (!res.ok) {
      packed?.stream.destroy();
      if (signal?.aborted) return fail("aborted", "the build was cancelled");
      const packError = await packDone(50);
      if (packError && !packError.ok && !/stream was closed/.test(packError.error)) return fail("io", packError.error);
      return fail("unreachable", res.error);
    }
    if (res.status >= 400) {
      const chunks: Buffer[] = [];
      for await (const c of res.response) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString("utf8");
      let message = text.trim();
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message;
      } catch {
        // plain text (an API version refusal)
      }
      packed?.stream.destroy();
      const outcome = await packDone();
      if (outcome && !outcome.ok && !/stream was closed/.test(outcome.error)) return fail("io", outcome.error);
      return fail("build", message || `the engine answered HTTP ${res.status}`, frameAt(lineOfMessage(message)));
    }

    let imageId = "";
    let lastStep = 0;
    let failedVertex = "";
    let failedCancelled = false;
    const warnings: string[] = [];
    const tags = [...(options.tags ?? [])];
    for await (const m of readMessages(res.response)) {
      if (m.errorDetail || m.error) {
        res.response.destroy();
        // A file the session could not read explains the daemon's failure better than the daemon can.
        const local = sessionFailure();
        if (local) return fail("io", local);
        const message = m.errorDetail?.message ?? m.error ?? "the build failed";
        const line = lineOfMessage(message) ?? (builder === "legacy" ? lineOfLegacyStep(await sentModel(), lastStep) : lineOfVertex(await sentModel(), failedVertex));
        return fail("build", message, { ...frameAt(line), ...(m.errorDetail?.code ? { exitCode: m.errorDetail.code } : {}) });
      }
      if (m.id === "moby.buildkit.trace" && typeof m.aux === "string") {
        const status = (await (statusDecoder ??= import("./buildkit-status.js"))).decodeStatus(m.aux);
        if (status) {
          // The first vertex that failed for itself: the ones running beside it fail with "context canceled".
          for (const v of status.vertexes) if (v.error && (!failedVertex || (failedCancelled && !/context canceled/.test(v.error)))) [failedVertex, failedCancelled] = [v.name, /context canceled/.test(v.error)];
          for (const w of status.warnings) warnings.push(w.short);
          emit({ type: "status", status });
        }
        continue;
      }
      if (m.aux && typeof m.aux === "object" && typeof (m.aux as { ID?: unknown }).ID === "string") {
        imageId = (m.aux as { ID: string }).ID;
        continue;
      }
      if (typeof m.stream === "string") {
        const step = /^Step (\d+)\/\d+ :/.exec(m.stream);
        if (step) lastStep = Number(step[1]);
        if (/^\[Warning\]/.test(m.stream)) warnings.push(m.stream.replace(/^\[Warning\]\s*/, "").trim());
        // q=1 answers with the ID alone; before API 1.30 the legacy builder sent no aux ID.
        const built = /^Successfully built ([0-9a-f]+)\s*$/.exec(m.stream) ?? (options.quiet ? /^(sha256:[0-9a-f]{64})\s*$/.exec(m.stream) : null);
        if (built && !imageId) imageId = built[1]!;
      }
      emit({ type: "message", message: m });
    }
    const outcome = await packDone();
    if (outcome && !outcome.ok) return fail("io", outcome.error);
    if (signal?.aborted) return fail("aborted", "the build was cancelled");
    // The daemon's stream can end before the last of the output is written.
    const outputBytes = options.output && session ? await session.outputWritten() : undefined;
    const local = sessionFailure();
    if (local && options.output) return fail("io", local);
    if (!imageId && !options.output) return fail("build", local ?? "the engine ended the build without naming an image");
    const sent = outcome?.ok ? outcome.summary : (session?.sent() ?? { files: 0, bytes: 0 });
    return { ok: true, result: { imageId, tags, warnings, elapsedMs: Date.now() - p.started, builder, sent, minimal: session ? null : plan.minimal, transport, ...(outputBytes !== undefined ? { outputBytes } : {}) } };
  } catch (e) {
    if (signal?.aborted) return fail("aborted", "the build was cancelled");
    const outcome = await packDone(50);
    if (outcome && !outcome.ok && !/stream was closed/.test(outcome.error)) return fail("io", outcome.error);
    return fail("unreachable", `the connection to the engine at ${p.endpoint} failed: ${(e as Error).message}`);
  } finally {
    signal?.removeEventListener("abort", onAbort);
    signal?.removeEventListener("abort", cancelBuildKit);
    if (packed && !packed.stream.destroyed) packed.stream.destroy();
    session?.close();
  }
}
