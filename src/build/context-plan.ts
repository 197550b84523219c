// What a build sends, decided before anything is read in bulk: the context directory, which
// Dockerfile and under which name, the ignore file and its patterns (with the CLI's rule that the
// Dockerfile and .dockerignore are always sent), a Dockerfile from standard input or from outside
// the context injected as `.dockerfile.<hex>` with a rewritten .dockerignore (as the docker CLI
// does), and, in minimal mode, the paths the target reads.
import { randomBytes } from "node:crypto";
import { lstat, readFile, realpath, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { compileDockerignore, isExcludedByDockerignore, readDockerignore } from "../model/dockerignore.js";
import type { ContextSources } from "./context-sources.js";
import type { ExtraFile, PackOptions } from "./context-tar.js";
import type { WalkOptions } from "./context-walk.js";
import { ioReason } from "./io-reason.js";
import { minimalContext } from "./minimal-context.js";

export type DockerfileInput =
  /** Absolute, or relative to the working directory (as `docker build -f` reads it). */
  | { kind: "path"; path: string }
  /** Standard input (`-f -`). */
  | { kind: "text"; text: Uint8Array }
  /** `<context>/Dockerfile`, else `<context>/dockerfile`. */
  | { kind: "default" };

export interface ContextPlan {
  root: string;
  /** The `dockerfile` parameter of the request. */
  dockerfileName: string;
  dockerfileText: Uint8Array;
  /** Where the Dockerfile was read, for messages; `-` for standard input. */
  dockerfileDisplay: string;
  ignoreFile: string | null;
  /** The ignore file's patterns as written (a session applies them so: see build.ts). */
  ignorePatterns: string[] | null;
  walk: WalkOptions;
  pack: PackOptions;
  /** The minimal context in use, or why the full one is sent. */
  minimal: { roots: string[] } | { fallback: string } | null;
}

export type PlanResult = { ok: true; plan: ContextPlan } | { ok: false; error: string };

async function readOptional(path: string): Promise<{ text: Buffer; mode: number; mtime: Date } | null | { error: string }> {
  try {
    const [text, st] = await Promise.all([readFile(path), stat(path)]);
    return { text, mode: st.mode & 0o7777, mtime: new Date(Math.floor(st.mtimeMs / 1000) * 1000) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    return { error: `cannot read ${path}: ${ioReason(e)}` };
  }
}

export interface Decision {
  sendText?: string | null;
  sources?: ContextSources | null;
}

export interface PlanOptions {
  context: string;
  dockerfile: DockerfileInput;
  /** Working directory for a relative `-f`. */
  cwd?: string;
  /**
   * Called with the Dockerfile's bytes: the text to send in its place (the legacy builder's request
   * without unneeded stages), and in minimal mode what the target reads.
   */
  decide?: (text: Uint8Array) => Promise<Decision> | Decision;
}

/** Reads the Dockerfile and ignore file and decides what goes into the context. */
export async function planContext(options: PlanOptions): Promise<PlanResult> {
  let root: string;
  try {
    root = await realpath(options.context);
    if (!(await stat(root)).isDirectory()) return { ok: false, error: `the build context ${options.context} is not a directory` };
  } catch (e) {
    return { ok: false, error: `cannot use ${options.context} as the build context: ${ioReason(e)}` };
  }

  // The Dockerfile: its bytes, and its path inside the context when it is there.
  let text: Uint8Array;
  let inside: string | null = null;
  let display: string;
  let beside: string | null = null; // the directory holding it, for <Dockerfile>.dockerignore
  let ownIgnore: string | null = null;
  const df = options.dockerfile;
  if (df.kind === "text") {
    text = df.text;
    display = "-";
  } else {
    let path: string;
    if (df.kind === "path") path = resolve(options.cwd ?? process.cwd(), df.path);
    else {
      path = join(root, "Dockerfile");
      // Docker falls back to a lower-case `dockerfile` when `Dockerfile` is missing.
      if (!(await lstat(path).then(() => true, () => false)) && (await lstat(join(root, "dockerfile")).then(() => true, () => false))) path = join(root, "dockerfile");
    }
    display = df.kind === "path" ? df.path : path;
    try {
      const real = await realpath(path);
      text = await readFile(real);
      const rel = relative(root, real);
      if (rel && !rel.startsWith(".." + sep) && rel !== "..") inside = rel.split(sep).join("/");
      beside = dirname(path);
      ownIgnore = join(beside, basename(path) + ".dockerignore");
    } catch (e) {
      return { ok: false, error: `cannot read the Dockerfile ${display}: ${ioReason(e)}` };
    }
  }

  // <Dockerfile>.dockerignore beside the Dockerfile wins over the context's .dockerignore (BuildKit's rule).
  const contextIgnorePath = join(root, ".dockerignore");
  const contextIgnore = await readOptional(contextIgnorePath);
  if (contextIgnore && "error" in contextIgnore) return { ok: false, error: contextIgnore.error };
  let ignoreFile: string | null = null;
  let ignoreText: Buffer | null = null;
  if (ownIgnore) {
    const own = await readOptional(ownIgnore);
    if (own && "error" in own) return { ok: false, error: own.error };
    if (own) {
      ignoreFile = ownIgnore;
      ignoreText = own.text;
    }
  }
  if (!ignoreFile && contextIgnore) {
    ignoreFile = contextIgnorePath;
    ignoreText = contextIgnore.text;
  }
  const patterns = ignoreText ? readDockerignore(ignoreText.toString("utf8")) : [];
  const ignorePatterns = ignoreText ? [...patterns] : null;
  // The CLI's TrimBuildFilesFromExcludes: the daemon must be able to read these, so they are sent.
  if (patterns.length > 0) {
    if (isExcludedByDockerignore(patterns, ".dockerignore") === true) patterns.push("!.dockerignore");
    if (inside && isExcludedByDockerignore(patterns, inside) === true) patterns.push("!" + inside);
  }
  const ignore = compileDockerignore(patterns);
  if (!ignore) return { ok: false, error: `${ignoreFile} has a malformed pattern (a lone '!', or a bad [...] class)` };

  const decided: Decision = (await options.decide?.(text)) ?? {};
  const replacement = decided.sendText != null ? Buffer.from(decided.sendText) : null;
  let dockerfileName = inside ?? "";
  const extras: ExtraFile[] = [];
  const replaced = new Set<string>();
  if (!inside || replacement) {
    // As the CLI's ReplaceFileTarWrapper: a generated name, listed in .dockerignore so the daemon drops it.
    dockerfileName = ".dockerfile." + randomBytes(10).toString("hex");
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    extras.push({ path: dockerfileName, content: replacement ?? text, mode: 0o600, mtime: now });
    const ignoreContent = contextIgnore
      ? Buffer.concat([contextIgnore.text, Buffer.from(`\n${dockerfileName}\n`)])
      : Buffer.from(`.dockerignore\n${dockerfileName}\n`);
    extras.push({ path: ".dockerignore", content: ignoreContent, mode: contextIgnore?.mode ?? 0o600, mtime: contextIgnore?.mtime ?? now });
    replaced.add(".dockerignore");
  }

  let minimal: ContextPlan["minimal"] = null;
  let selection: WalkOptions["selection"];
  const sources = decided.sources;
  if (sources) {
    if (!sources.ok) minimal = { fallback: sources.reason };
    else {
      const m = await minimalContext(root, sources.patterns);
      if (!m.ok) minimal = { fallback: m.reason };
      else {
        minimal = { roots: m.roots };
        selection = m.selection ?? undefined;
      }
    }
  }

  const always = new Set([".dockerignore", ...(inside ? [inside] : [])]);
  return {
    ok: true,
    plan: {
      root,
      dockerfileName,
      dockerfileText: text,
      dockerfileDisplay: display,
      ignoreFile,
      ignorePatterns,
      walk: { ignore, always, selection },
      pack: { replaced, extras },
      minimal,
    },
  };
}
