// Where the Docker engine is, found as the docker CLI finds it: DOCKER_HOST (unix://, tcp:// with TLS
// from DOCKER_TLS_VERIFY / DOCKER_TLS / DOCKER_CERT_PATH, ssh://), else DOCKER_CONTEXT or the config
// file's current context (its endpoint and TLS files in the context store), else the local socket.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { dockerConfigDir, readDockerConfig } from "./docker-config.js";

export interface TlsFiles {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  verify: boolean;
}

export type Endpoint =
  | { kind: "unix"; path: string; address: string }
  | { kind: "tcp"; host: string; port: number; tls: TlsFiles | null; address: string }
  | { kind: "ssh"; host: string; user?: string; port?: number; socketPath?: string; address: string };

export type EndpointResult = { ok: true; endpoint: Endpoint; source: string } | { ok: false; error: string };

const DEFAULT_SOCKET = "/var/run/docker.sock";

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined; // a missing client certificate is tolerated, as the CLI tolerates it
  }
}

async function tlsFrom(dir: string, verify: boolean): Promise<TlsFiles> {
  const [ca, cert, key] = await Promise.all(["ca.pem", "cert.pem", "key.pem"].map((f) => readIfPresent(join(dir, f))));
  return { ca, cert, key, verify };
}

/** Reads a DOCKER_HOST-style address. */
export async function parseHost(host: string, tls: () => Promise<TlsFiles | null>): Promise<{ ok: true; endpoint: Endpoint } | { ok: false; error: string }> {
  const withScheme = host.includes("://") ? host : "tcp://" + host;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, error: `the engine address '${host}' is not a URL like unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host` };
  }
  switch (url.protocol) {
    case "unix:":
      return { ok: true, endpoint: { kind: "unix", path: decodeURIComponent(url.pathname) || DEFAULT_SOCKET, address: host } };
    case "tcp:":
    case "http:":
    case "https:": {
      const t = url.protocol === "https:" ? ((await tls()) ?? { verify: true }) : url.protocol === "http:" ? null : await tls();
      const port = url.port ? Number(url.port) : t ? 2376 : 2375;
      return { ok: true, endpoint: { kind: "tcp", host: url.hostname.replace(/^\[|\]$/g, ""), port, tls: t, address: host } };
    }
    case "ssh:":
      return {
        ok: true,
        endpoint: {
          kind: "ssh",
          host: url.hostname,
          user: url.username ? decodeURIComponent(url.username) : undefined,
          port: url.port ? Number(url.port) : undefined,
          socketPath: url.pathname && url.pathname !== "/" ? decodeURIComponent(url.pathname) : undefined,
          address: host,
        },
      };
    case "npipe:":
      return { ok: false, error: `the engine address '${host}' is a Windows named pipe, which dflint does not support` };
    default:
      return { ok: false, error: `the engine address '${host}' has an unsupported scheme '${url.protocol.slice(0, -1)}'` };
  }
}

/** Finds the engine from the environment, the docker context, or the default socket; `readConfig` reads config.json (a caller that reads it anyway passes its read). */
export async function resolveEndpoint(env: NodeJS.ProcessEnv = process.env, readConfig: () => ReturnType<typeof readDockerConfig> = () => readDockerConfig(env)): Promise<EndpointResult> {
  if (env.DOCKER_HOST) {
    const envTls = async (): Promise<TlsFiles | null> => {
      // Any non-empty DOCKER_TLS_VERIFY turns on verification; DOCKER_TLS alone, TLS without it.
      const verify = !!env.DOCKER_TLS_VERIFY;
      if (!verify && !env.DOCKER_TLS) return null;
      return tlsFrom(env.DOCKER_CERT_PATH || dockerConfigDir(env), verify);
    };
    const r = await parseHost(env.DOCKER_HOST, envTls);
    return r.ok ? { ok: true, endpoint: r.endpoint, source: "DOCKER_HOST" } : r;
  }
  let name = env.DOCKER_CONTEXT;
  if (!name) {
    const config = await readConfig();
    if (!config.ok) return config;
    name = config.config.currentContext;
  }
  if (name && name !== "default") {
    const id = createHash("sha256").update(name).digest("hex");
    const dir = dockerConfigDir(env);
    const metaFile = join(dir, "contexts", "meta", id, "meta.json");
    let meta: { Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } };
    try {
      meta = JSON.parse(await readFile(metaFile, "utf8")) as typeof meta;
    } catch {
      return { ok: false, error: `the docker context '${name}' was not found (looked for ${metaFile})` };
    }
    const docker = meta.Endpoints?.docker;
    if (!docker?.Host) return { ok: false, error: `the docker context '${name}' has no docker endpoint` };
    const tlsDir = join(dir, "contexts", "tls", id, "docker");
    const contextTls = async (): Promise<TlsFiles | null> => {
      const files = await tlsFrom(tlsDir, !docker.SkipTLSVerify);
      return files.ca || files.cert ? files : docker.SkipTLSVerify ? { verify: false } : null;
    };
    const r = await parseHost(docker.Host, contextTls);
    return r.ok ? { ok: true, endpoint: r.endpoint, source: `docker context '${name}'` } : r;
  }
  return { ok: true, endpoint: { kind: "unix", path: DEFAULT_SOCKET, address: "unix://" + DEFAULT_SOCKET }, source: "the default socket" };
}
