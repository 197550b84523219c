// A BuildKit session for one build, as `docker build` opens it: the connection (POST /session), the
// gRPC server on it, and the services the daemon calls back: Health, FileSync/DiffCopy for the
// `context` and `dockerfile` directories, Auth/Credentials and Secrets/GetSecret. The directories are
// handed over once the build is planned; the daemon asks for them only after POST /build.
// SSH forwarding and FileSend (`--output`) are not offered.
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { allCredentials, type AuthConfig, type DockerConfig } from "../docker-config.js";
import type { Engine } from "../engine-client.js";
import { credentials } from "./auth-service.js";
import { diffCopy, type SyncedDir } from "./diff-copy.js";
import { serveGrpc, type GrpcServer, type Handler } from "./grpc-server.js";
import { healthCheck } from "./health-service.js";
import { getSecret, type SecretSource } from "./secrets-service.js";
import { connectSession } from "./session-connection.js";

export interface BuildSession {
  id: string;
  /** Hands over the directories DiffCopy serves, by dir-name. */
  serve(dirs: { context: SyncedDir; dockerfile: SyncedDir }): void;
  /** The first failure on dflint's side (a file that could not be read), naming the file. */
  failure(): string | null;
  /** Regular files and their bytes sent so far. */
  sent(): { files: number; bytes: number };
  close(): void;
}

export interface SessionOptions {
  engine: Engine;
  /** The context directory: names the session and keys the daemon's cache of synced files. */
  contextDir: string;
  config: DockerConfig;
  secrets: readonly SecretSource[];
  env: NodeJS.ProcessEnv;
  onNote(message: string): void;
}

export type SessionResult = { ok: true; session: BuildSession } | { ok: false; error: string; unsupported?: boolean };

// BuildKit's identity.NewID: 25 characters of base 36.
function newSessionId(): string {
  return BigInt("0x" + randomBytes(16).toString("hex")).toString(36).padStart(25, "0").slice(-25);
}

// The CLI's getBuildSharedKey: the context directory hashed with this machine's build node ID
// (~/.docker/.buildNodeID, which the CLI creates; read here, never written), else the host name.
async function sharedKey(contextDir: string, config: DockerConfig): Promise<string> {
  let node: string;
  try {
    node = (await readFile(join(config.dir, ".buildNodeID"), "utf8")).trim();
  } catch {
    node = hostname();
  }
  return createHash("sha256").update(`${node}:${contextDir}`).digest("hex");
}

/** Opens a session on `engine`; `unsupported` when the engine has no session endpoint. */
export async function openBuildSession(o: SessionOptions): Promise<SessionResult> {
  const id = newSessionId();
  let dirs: { context: SyncedDir; dockerfile: SyncedDir } | null = null;
  let failure: string | null = null;
  const sent = { files: 0, bytes: 0 };
  const onFailure = (message: string) => {
    failure ??= message;
  };
  let auths: Promise<Record<string, AuthConfig>> | null = null;

  const handlers = new Map<string, Handler>([
    ["/grpc.health.v1.Health/Check", healthCheck()],
    [
      "/moby.filesync.v1.FileSync/DiffCopy",
      diffCopy({
        lookupDir: (name) => (name === "context" || name === "dockerfile" ? (dirs?.[name] ?? null) : null),
        onNote: o.onNote,
        onFailure,
        onFileSent: (bytes) => {
          sent.files++;
          sent.bytes += bytes;
        },
      }),
    ],
    ["/moby.filesync.v1.Auth/Credentials", credentials(() => (auths ??= allCredentials(o.config)))],
    ["/moby.buildkit.secrets.v1.Secrets/GetSecret", getSecret(o.secrets, o.env, onFailure)],
  ]);

  const name = o.contextDir.split("/").filter(Boolean).pop() ?? "context";
  const connection = await connectSession(o.engine, { id, name, sharedKey: await sharedKey(o.contextDir, o.config) }, [...handlers.keys()]);
  if (!connection.ok) return connection;
  const server: GrpcServer = serveGrpc(connection.socket, handlers, onFailure);
  return {
    ok: true,
    session: {
      id,
      serve: (d) => (dirs = d),
      failure: () => failure,
      sent: () => ({ ...sent }),
      close: () => server.close(),
    },
  };
}
