// The session connection as the docker CLI opens it (BuildKit's session.Run through the engine's
// DialHijack): `POST /session` with `Upgrade: h2c` and the X-Docker-Expose-Session-* headers naming the
// session, its shared key and each gRPC method the client serves. After `101 Switching Protocols` the
// daemon speaks HTTP/2 as the client on that same connection, whatever the transport (unix socket,
// TCP with TLS, ssh through dial-stdio). This module stays light (no http2, no protobuf): the build
// request and the session's request go out before the server behind them loads (build-session.ts).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import type { Duplex } from "node:stream";
import type { Engine } from "../engine-client.js";

/** The gRPC methods a build session serves (build-session.ts has a handler for each). */
export const SESSION_METHODS = [
  "/grpc.health.v1.Health/Check",
  "/moby.filesync.v1.FileSync/DiffCopy",
  "/moby.filesync.v1.Auth/Credentials",
  "/moby.buildkit.secrets.v1.Secrets/GetSecret",
] as const;

/** Offered besides when the build forwards SSH agents (`--ssh`), as the CLI offers them only then. */
export const SSH_METHODS = ["/moby.sshforward.v1.SSH/CheckAgent", "/moby.sshforward.v1.SSH/ForwardAgent"] as const;

/** Offered besides when the build has an `--output`, which the daemon sends through it. */
export const FILE_SEND_METHOD = "/moby.filesync.v1.FileSend/DiffCopy";

export type SessionMethod = (typeof SESSION_METHODS)[number] | (typeof SSH_METHODS)[number] | typeof FILE_SEND_METHOD;

/** The methods a session offers, as the CLI's: without the SSH ones the daemon says no agent was forwarded. */
export function sessionMethods(o: { ssh: boolean; output: boolean }): readonly SessionMethod[] {
  const methods: SessionMethod[] = [...SESSION_METHODS];
  if (o.ssh) methods.push(...SSH_METHODS);
  if (o.output) methods.push(FILE_SEND_METHOD);
  return methods;
}

export interface SessionIdentity {
  /** The session ID the build request names. */
  id: string;
  /** For the daemon's messages: the CLI uses the context directory's base name. */
  name: string;
  /** Keys the daemon's cache of synced files, so a rebuild only transfers what changed. */
  sharedKey: string;
}

export type SessionConnection = { ok: true; socket: Duplex } | { ok: false; error: string; unsupported?: boolean };

/**
 * The CLI's getBuildSharedKey: the context directory hashed with this machine's build node ID
 * (.buildNodeID in the docker configuration directory, which the CLI creates; read here, never
 * written), else the host name.
 */
export async function sessionSharedKey(contextDir: string, configDir: string): Promise<string> {
  let node: string;
  try {
    node = (await readFile(join(configDir, ".buildNodeID"), "utf8")).trim();
  } catch {
    node = hostname();
  }
  return createHash("sha256").update(`${node}:${contextDir}`).digest("hex");
}

/** Opens the hijacked session connection offering `methods`. */
export async function connectSession(engine: Engine, identity: SessionIdentity, methods: readonly string[]): Promise<SessionConnection> {
  const headers: Record<string, string | string[]> = {
    "X-Docker-Expose-Session-Uuid": identity.id,
    "X-Docker-Expose-Session-Name": identity.name,
    "X-Docker-Expose-Session-Sharedkey": identity.sharedKey,
    // One header line per method: node's http sends an array as repeated lines.
    "X-Docker-Expose-Session-Grpc-Method": [...methods],
  };
  const r = await engine.upgrade("/session", "h2c", headers);
  if (!r.ok) return r;
  if ("socket" in r) return { ok: true, socket: r.socket };
  const chunks: Buffer[] = [];
  for await (const c of r.response) chunks.push(c as Buffer);
  let message = Buffer.concat(chunks).toString("utf8").trim();
  try {
    message = (JSON.parse(message) as { message?: string }).message ?? message;
  } catch {
    // plain text
  }
  // 404: an engine before the session endpoint; 400/500 on engines where it is experimental or off.
  return { ok: false, unsupported: true, error: `the engine does not open a BuildKit session (HTTP ${r.status}${message ? ": " + message : ""})` };
}
