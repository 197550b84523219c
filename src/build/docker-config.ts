// The docker CLI's configuration file ($DOCKER_CONFIG/config.json, else ~/.docker/config.json) as a
// build reads it: the current context, the registry credentials sent as X-Registry-Config (every
// registry, credential helpers included, as the CLI sends them), and proxy settings the CLI turns
// into build arguments.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";

interface ProxyConfig {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
  ftpProxy?: string;
  allProxy?: string;
}

export interface DockerConfig {
  dir: string;
  currentContext?: string;
  auths: Record<string, { auth?: string; username?: string; password?: string; identitytoken?: string; registrytoken?: string }>;
  credsStore?: string;
  credHelpers: Record<string, string>;
  proxies: Record<string, ProxyConfig>;
}

/** The configuration directory the CLI uses. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG || join(homedir(), ".docker");
}

/** Reads config.json; a missing file is an empty configuration, a broken one an error. */
export async function readDockerConfig(env: NodeJS.ProcessEnv): Promise<{ ok: true; config: DockerConfig } | { ok: false; error: string }> {
  const dir = dockerConfigDir(env);
  const file = join(dir, "config.json");
  const config: DockerConfig = { dir, auths: {}, credHelpers: {}, proxies: {} };
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: true, config };
    return { ok: false, error: `cannot read ${file}: ${(e as Error).message}` };
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
    if (!raw || typeof raw !== "object") throw new Error("not an object");
  } catch (e) {
    return { ok: false, error: `${file} is not valid JSON (${(e as Error).message})` };
  }
  if (typeof raw.currentContext === "string") config.currentContext = raw.currentContext;
  if (raw.auths && typeof raw.auths === "object") config.auths = raw.auths as DockerConfig["auths"];
  if (typeof raw.credsStore === "string") config.credsStore = raw.credsStore;
  if (raw.credHelpers && typeof raw.credHelpers === "object") config.credHelpers = raw.credHelpers as Record<string, string>;
  if (raw.proxies && typeof raw.proxies === "object") config.proxies = raw.proxies as Record<string, ProxyConfig>;
  return { ok: true, config };
}

export interface AuthConfig {
  username?: string;
  password?: string;
  auth?: string;
  serveraddress: string;
  identitytoken?: string;
  registrytoken?: string;
}

function helper(name: string, action: "list" | "get", input?: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = execFile(`docker-credential-${name}`, [action], { timeout: 10_000 }, (err, stdout) => resolve(err ? null : stdout));
    child.stdin?.end(input ?? "");
  });
}

async function fromHelper(name: string, server: string): Promise<AuthConfig | null> {
  const out = await helper(name, "get", server);
  if (!out) return null;
  try {
    const c = JSON.parse(out) as { Username?: string; Secret?: string };
    // A helper stores an identity token under the user name "<token>".
    if (c.Username === "<token>") return { serveraddress: server, identitytoken: c.Secret };
    return { serveraddress: server, username: c.Username, password: c.Secret };
  } catch {
    return null;
  }
}

/** Every credential the configuration holds, by registry, as the CLI collects them for a build. */
export async function allCredentials(config: DockerConfig): Promise<Record<string, AuthConfig>> {
  const out: Record<string, AuthConfig> = {};
  for (const [server, a] of Object.entries(config.auths)) {
    const entry: AuthConfig = { serveraddress: server };
    if (a.auth) {
      entry.auth = a.auth;
      const plain = Buffer.from(a.auth, "base64").toString("utf8");
      const colon = plain.indexOf(":");
      if (colon > 0) {
        entry.username = plain.slice(0, colon);
        entry.password = plain.slice(colon + 1);
      }
    }
    if (a.username) entry.username = a.username;
    if (a.password) entry.password = a.password;
    if (a.identitytoken) entry.identitytoken = a.identitytoken;
    if (a.registrytoken) entry.registrytoken = a.registrytoken;
    out[server] = entry;
  }
  if (config.credsStore) {
    const listed = await helper(config.credsStore, "list");
    if (listed) {
      try {
        for (const server of Object.keys(JSON.parse(listed) as Record<string, string>)) {
          const c = await fromHelper(config.credsStore, server);
          if (c) out[server] = c;
        }
      } catch {
        // a helper that prints something else gives no credentials, as with the CLI
      }
    }
  }
  for (const [server, name] of Object.entries(config.credHelpers)) {
    const c = await fromHelper(name, server);
    if (c) out[server] = c;
  }
  return out;
}

/** The X-Registry-Config header: JSON encoded with Go's base64.URLEncoding (`-_`, padding kept). */
export function registryConfigHeader(auths: Record<string, AuthConfig>): string {
  return Buffer.from(JSON.stringify(auths)).toString("base64").replace(/\+/g, "-").replace(/\//g, "_");
}

const PROXY_ARGS: Array<[keyof ProxyConfig, string]> = [
  ["httpProxy", "HTTP_PROXY"],
  ["httpsProxy", "HTTPS_PROXY"],
  ["noProxy", "NO_PROXY"],
  ["ftpProxy", "FTP_PROXY"],
  ["allProxy", "ALL_PROXY"],
];

/** Build arguments from the `proxies` section for this engine host (or `default`), upper and lower case. */
export function proxyBuildArgs(config: DockerConfig, host: string): Record<string, string> {
  const p = config.proxies[host] ?? config.proxies.default;
  const out: Record<string, string> = {};
  if (!p) return out;
  for (const [key, name] of PROXY_ARGS) {
    const v = p[key];
    if (v) {
      out[name] = v;
      out[name.toLowerCase()] = v;
    }
  }
  return out;
}
