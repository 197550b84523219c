// The transport to a Docker engine: docker-modem carries HTTP over a unix socket, TCP with TLS, or
// ssh (ssh-dial.ts). The API version is negotiated as the CLI does it: `HEAD /_ping` (GET as a
// fallback), then the lower of the engine's version and ours, unless DOCKER_API_VERSION pins it.
import { Agent, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import type { Duplex, Readable } from "node:stream";
import type Modem from "docker-modem";
import type { Endpoint } from "./engine-endpoint.js";
import { sshAgent } from "./ssh-dial.js";

/** The newest API version dflint speaks. */
export const CLIENT_API_VERSION = "1.43";

export interface EngineInfo {
  apiVersion: string;
  /** `Builder-Version` from /_ping: "2" when the engine recommends BuildKit; null when not sent. */
  builderVersion: string | null;
  osType: string | null;
}

export type EngineError = { ok: false; error: string; unreachable?: boolean };

// Every status reaches the caller, who reads the daemon's message from the body.
const ANY_STATUS: Record<number, boolean> = {};
for (let s = 100; s < 600; s++) ANY_STATUS[s] = true;

interface DialOptions {
  path: string;
  method: string;
  options?: Record<string, unknown>;
  file?: Readable;
  headers?: Record<string, string | string[]>;
  abortSignal?: AbortSignal;
  hijack?: boolean;
  isStream: boolean;
  statusCodes: Record<number, boolean>;
}

type ModemLike = { version?: string; dial(o: DialOptions, cb: (err: Error | null, res: IncomingMessage | Duplex) => void): void };

const compareVersions = (a: string, b: string) => {
  const [a1, a2] = a.split(".").map(Number) as [number, number];
  const [b1, b2] = b.split(".").map(Number) as [number, number];
  return a1 - b1 || a2 - b2;
};

/** True when `version` is at least `min` (`1.41` against `1.30`). */
export const isVersionAtLeast = (version: string, min: string) => compareVersions(version, min) >= 0;

// docker-modem reads DOCKER_HOST and certificate files from the environment when it is built and
// may throw on them; the endpoint was already resolved, so it is built without them.
function withoutDockerEnv<T>(make: () => T): T {
  const saved: Record<string, string | undefined> = {};
  for (const k of ["DOCKER_HOST", "DOCKER_CERT_PATH", "DOCKER_TLS_VERIFY", "DOCKER_CLIENT_TIMEOUT", "DOCKER_PATH_PREFIX"]) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  try {
    return make();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
  }
}

// Plain HTTP has no TLS server name, but node's agent works one out for every request unless told
// there is none, through net.isIP, whose IPv6 pattern takes milliseconds on its first calls (a build
// makes three or four requests). Kept-alive sockets are reused, as with node's global agent.
const plainAgent = () => new Agent({ keepAlive: true, servername: "" } as ConstructorParameters<typeof Agent>[0]);

type ModemClass = typeof Modem;

// docker-modem loads when an engine is first dialled: it requires ssh2 (a large module) for its own
// ssh transport, which importing dflint as a library, or linting, must not pay for.
let modemClass: Promise<ModemClass> | null = null;
const loadModem = () => (modemClass ??= import("docker-modem").then((m) => ((m as { default?: ModemClass }).default ?? (m as unknown as ModemClass))));

function makeModem(Modem: ModemClass, endpoint: Endpoint): ModemLike {
  return withoutDockerEnv(() => {
    switch (endpoint.kind) {
      case "unix":
        return new Modem({ socketPath: endpoint.path, agent: plainAgent() } as Modem.ConstructorOptions) as unknown as ModemLike;
      case "tcp": {
        const tls = endpoint.tls;
        if (!tls) return new Modem({ protocol: "http", host: endpoint.host, port: endpoint.port, agent: plainAgent() } as Modem.ConstructorOptions) as unknown as ModemLike;
        const agent = new HttpsAgent({ ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.verify });
        return new Modem({ protocol: "https", host: endpoint.host, port: endpoint.port, agent } as Modem.ConstructorOptions) as unknown as ModemLike;
      }
      case "ssh":
        return new Modem({ protocol: "http", host: "docker", port: 80, agent: sshAgent(endpoint) } as Modem.ConstructorOptions) as unknown as ModemLike;
    }
  });
}

function describeError(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code ? `${code}: ${e.message.replace(/^.*?: /, "")}` : e.message;
}

export interface EngineRequest {
  method: "GET" | "POST" | "HEAD" | "DELETE";
  path: string;
  /** Repeated keys as arrays; everything already a string. */
  query?: Record<string, string | string[]>;
  body?: Readable;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Without the /vX.Y prefix (/_ping). */
  unversioned?: boolean;
}

/** A connected engine. */
export class Engine {
  private constructor(
    private readonly modem: ModemLike,
    readonly endpoint: Endpoint,
    readonly info: EngineInfo,
  ) {}

  /** Pings the engine and settles the API version. */
  static async connect(endpoint: Endpoint, env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): Promise<{ ok: true; engine: Engine } | EngineError> {
    let modem: ModemLike;
    try {
      modem = makeModem(await loadModem(), endpoint);
    } catch (e) {
      return { ok: false, error: `cannot set up the connection to ${endpoint.address}: ${(e as Error).message}`, unreachable: true };
    }
    const probe = new Engine(modem, endpoint, { apiVersion: CLIENT_API_VERSION, builderVersion: null, osType: null });
    let ping = await probe.request({ method: "HEAD", path: "/_ping", unversioned: true, signal });
    if (ping.ok && ping.status !== 200) {
      ping.response.resume();
      ping = await probe.request({ method: "GET", path: "/_ping", unversioned: true, signal });
    }
    if (!ping.ok) return { ...ping, unreachable: true };
    ping.response.resume();
    if (ping.status !== 200) return { ok: false, error: `the engine at ${endpoint.address} answered /_ping with HTTP ${ping.status}`, unreachable: true };
    const h = ping.response.headers;
    const server = typeof h["api-version"] === "string" ? h["api-version"] : null;
    let apiVersion = env.DOCKER_API_VERSION || (server && compareVersions(server, CLIENT_API_VERSION) < 0 ? server : CLIENT_API_VERSION);
    if (!/^\d+\.\d+$/.test(apiVersion)) apiVersion = CLIENT_API_VERSION;
    return {
      ok: true,
      engine: new Engine(modem, endpoint, {
        apiVersion,
        builderVersion: typeof h["builder-version"] === "string" ? h["builder-version"] : null,
        osType: typeof h["ostype"] === "string" ? h["ostype"] : null,
      }),
    };
  }

  /** Sends a request; the response streams (any status). */
  request(r: EngineRequest): Promise<{ ok: true; status: number; response: IncomingMessage } | EngineError> {
    this.modem.version = r.unversioned ? undefined : "v" + this.info.apiVersion;
    const hasQuery = r.query && Object.keys(r.query).length > 0;
    const o: DialOptions = {
      path: r.path + (hasQuery ? "?" : ""),
      method: r.method,
      options: hasQuery ? { _query: r.query } : {},
      headers: { ...r.headers },
      isStream: true,
      statusCodes: ANY_STATUS,
    };
    if (r.body) o.file = r.body;
    if (r.signal) o.abortSignal = r.signal;
    return new Promise((resolve) => {
      this.modem.dial(o, (err, res) => {
        if (err) {
          const aborted = r.signal?.aborted || err.name === "AbortError";
          resolve({ ok: false, error: aborted ? "the request was aborted" : `cannot reach the Docker engine at ${this.endpoint.address} (${describeError(err)})` });
        } else resolve({ ok: true, status: (res as IncomingMessage).statusCode ?? 0, response: res as IncomingMessage });
      });
    });
  }

  /**
   * POSTs with `Upgrade: <protocol>` over the same transport and hands back the raw connection once the
   * engine switches protocols (101), or the engine's answer when it does not. An empty body with
   * Content-Length: 0, as the CLI sends it: a chunked terminator would be read as the new protocol's bytes.
   */
  upgrade(path: string, protocol: string, headers: Record<string, string | string[]>): Promise<{ ok: true; socket: Duplex } | { ok: true; status: number; response: IncomingMessage } | EngineError> {
    this.modem.version = undefined;
    const o: DialOptions = {
      path,
      method: "POST",
      options: {},
      headers: { ...headers, Upgrade: protocol },
      file: Buffer.alloc(0) as unknown as Readable, // docker-modem sends a Buffer with its Content-Length
      hijack: true,
      isStream: true,
      statusCodes: ANY_STATUS,
    };
    return new Promise((resolve) => {
      this.modem.dial(o, (err, res) => {
        if (err) resolve({ ok: false, error: `cannot reach the Docker engine at ${this.endpoint.address} (${describeError(err)})` });
        else if ("statusCode" in res && typeof res.statusCode === "number") resolve({ ok: true, status: res.statusCode, response: res });
        else resolve({ ok: true, socket: res as Duplex });
      });
    });
  }

  /** A request whose answer is JSON (or a daemon error message). */
  async json<T>(method: EngineRequest["method"], path: string, query?: Record<string, string | string[]>): Promise<{ ok: true; status: number; body: T | null; message: string | null } | EngineError> {
    const r = await this.request({ method, path, query });
    if (!r.ok) return r;
    const chunks: Buffer[] = [];
    for await (const c of r.response) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    const message = r.status >= 400 ? ((body as { message?: string } | null)?.message ?? text.trim()) : null;
    return { ok: true, status: r.status, body: r.status < 400 ? (body as T) : null, message };
  }
}
