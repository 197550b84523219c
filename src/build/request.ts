// The query of POST /build, encoded as the docker CLI encodes it: repeated `t` and `extrahosts`,
// JSON for buildargs (null for a name given without a value), labels, cachefrom and ulimits, shmsize
// and memory in bytes, the other resource limits as numbers, booleans as "1", and version=2 for BuildKit with a build id to cancel it by (and, when a
// session serves the context, its ID with remote=client-session, as the CLI sends them).
import { isVersionAtLeast } from "./engine-client.js";
import { outputsParameter, type BuildOutput } from "./outputs.js";

export type Builder = "legacy" | "buildkit";

export interface Ulimit {
  Name: string;
  Soft: number;
  Hard: number;
}

/** The legacy builder's limits for RUN's containers (BuildKit ignores them, as it does the CLI's). */
export interface BuildResources {
  /** Bytes. */
  memory?: number;
  /** Bytes of memory and swap together; -1 for unlimited swap. */
  memorySwap?: number;
  cpuShares?: number;
  cpusetCpus?: string;
  cpusetMems?: string;
  /** Microseconds. */
  cpuPeriod?: number;
  /** Microseconds per period. */
  cpuQuota?: number;
  cgroupParent?: string;
}

/** The query parameter of each limit. */
const RESOURCE_PARAMETERS: Record<keyof BuildResources, string> = {
  memory: "memory",
  memorySwap: "memswap",
  cpuShares: "cpushares",
  cpusetCpus: "cpusetcpus",
  cpusetMems: "cpusetmems",
  cpuPeriod: "cpuperiod",
  cpuQuota: "cpuquota",
  cgroupParent: "cgroupparent",
};

export interface BuildRequestOptions {
  dockerfile: string;
  tags?: readonly string[];
  buildArgs?: Readonly<Record<string, string | null>>;
  target?: string;
  labels?: Readonly<Record<string, string>>;
  noCache?: boolean;
  pull?: boolean;
  platform?: string;
  network?: string;
  cacheFrom?: readonly string[];
  addHosts?: readonly string[];
  shmSize?: number;
  ulimits?: readonly Ulimit[];
  resources?: BuildResources;
  /** Remove the legacy builder's intermediate containers even when a step fails (`--force-rm`). */
  forceRm?: boolean;
  /** false: keep the legacy builder's intermediate containers after a successful build (`--rm=false`). */
  rm?: boolean;
  quiet?: boolean;
  /** A BuildKit session that serves the context (`remote=client-session`); `dockerfile` is then the name in its `dockerfile` directory. */
  sessionId?: string;
  /** `--output`: the result's files go here (through the session) instead of into an image. BuildKit only. */
  output?: BuildOutput;
}

export type QueryResult = { ok: true; query: Record<string, string | string[]> } | { ok: false; error: string };

// BuildKit runs RUN only in these network modes; the daemon refuses others with a 500.
const BUILDKIT_NETWORKS = new Set(["default", "host", "none"]);

/** The query for a build with this builder on an engine speaking `apiVersion`. */
export function buildQuery(o: BuildRequestOptions, builder: Builder, apiVersion: string, buildId: string): QueryResult {
  const q: Record<string, string | string[]> = { dockerfile: o.dockerfile };
  if (o.tags?.length) q.t = [...o.tags];
  if (o.target) q.target = o.target;
  if (o.buildArgs && Object.keys(o.buildArgs).length) q.buildargs = JSON.stringify(o.buildArgs);
  if (o.labels && Object.keys(o.labels).length) q.labels = JSON.stringify(o.labels);
  if (o.noCache) q.nocache = "1";
  if (o.pull) q.pull = "1";
  if (o.quiet) q.q = "1";
  if (o.platform) {
    if (!isVersionAtLeast(apiVersion, "1.32")) return { ok: false, error: `--platform needs API 1.32 or later; the engine speaks ${apiVersion}` };
    q.platform = o.platform;
  }
  if (o.network) {
    if (builder === "buildkit" && !BUILDKIT_NETWORKS.has(o.network)) {
      return { ok: false, error: `BuildKit runs RUN with --network default, host or none, not '${o.network}' (use --builder legacy for other networks)` };
    }
    q.networkmode = o.network;
  }
  if (o.cacheFrom?.length) q.cachefrom = JSON.stringify(o.cacheFrom);
  if (o.addHosts?.length) q.extrahosts = [...o.addHosts];
  if (o.shmSize !== undefined) q.shmsize = String(o.shmSize);
  if (o.ulimits?.length) q.ulimits = JSON.stringify(o.ulimits);
  for (const [key, name] of Object.entries(RESOURCE_PARAMETERS) as [keyof BuildResources, string][]) {
    const value = o.resources?.[key];
    if (value !== undefined) q[name] = String(value);
  }
  if (o.forceRm) q.forcerm = "1";
  if (builder === "legacy") {
    q.rm = o.rm === false ? "0" : "1";
    q.version = "1";
  } else {
    q.version = "2";
    q.buildid = buildId;
    if (o.sessionId) {
      q.session = o.sessionId;
      q.remote = "client-session";
    }
    if (o.output) {
      if (!isVersionAtLeast(apiVersion, "1.40")) return { ok: false, error: `--output needs API 1.40 or later; the engine speaks ${apiVersion}` };
      q.outputs = outputsParameter(o.output);
    }
  }
  return { ok: true, query: q };
}
