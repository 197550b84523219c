// A BuildKit session for one build, as `docker build` serves it: the gRPC server on the session's
// connection (session-connection.ts), and the services the daemon calls back: Health,
// FileSync/DiffCopy for the `context` and `dockerfile` directories, Auth/Credentials and
// Secrets/GetSecret, and SSH/CheckAgent and SSH/ForwardAgent when agents are forwarded (`--ssh`).
// FileSend when the build has an `--output`.
//
// The daemon calls only once the server's HTTP/2 settings have reached it, and it prepares the build
// meanwhile. So the server starts on the connection at once, with http2 alone; the services, with
// protobufjs and the message types they encode, load as soon as the daemon has the settings, while
// it is still preparing, and a call that comes before they are ready waits for them.
import type { Duplex } from "node:stream";
import type { AuthConfig, DockerConfig } from "../docker-config.js";
import type { SyncedDir } from "./diff-copy.js";
import { serveGrpc, type GrpcServer, type Handler } from "./grpc-server.js";
import type { SecretSource } from "./secrets-service.js";
import { FILE_SEND_METHOD, sessionMethods, type SessionMethod } from "./session-connection.js";
import type { BuildOutput } from "../outputs.js";
import type { SshAgent } from "../ssh-agents.js";

/** The directories DiffCopy serves, by dir-name. */
export interface SessionDirs {
  context: SyncedDir;
  dockerfile: SyncedDir;
}

export interface BuildSession {
  /** Settles once the services are loaded (or failed to load: a call then reports why), or the connection is gone. */
  ready: Promise<void>;
  /** The first failure on dflint's side (a file that could not be read), naming the file. */
  failure(): string | null;
  /** Regular files and their bytes sent so far. */
  sent(): { files: number; bytes: number };
  /** Settles when the output the daemon sent is written (the build's stream may end first); its bytes. */
  outputWritten(): Promise<number>;
  close(): void;
}

export interface SessionOptions {
  config: DockerConfig;
  secrets: readonly SecretSource[];
  /** The agents RUN --mount=type=ssh may use. */
  ssh: readonly SshAgent[];
  /** Where the result goes instead of an image. */
  output: BuildOutput | null;
  env: NodeJS.ProcessEnv;
  dirs: SessionDirs;
  onNote(message: string): void;
}

interface Hooks {
  onFailure(message: string): void;
  onFileSent(bytes: number): void;
  onOutput(bytes: number): void;
}

// Each method's handler. The SSH and FileSend ones are only offered (sessionMethods) when the build uses them.
async function loadServices(o: SessionOptions, hooks: Hooks): Promise<Record<SessionMethod, Handler>> {
  const [{ healthCheck }, { diffCopy }, { credentials }, { getSecret }, { allCredentials }, { checkAgent, forwardAgent }, { fileSend }] = await Promise.all([
    import("./health-service.js"),
    import("./diff-copy.js"),
    import("./auth-service.js"),
    import("./secrets-service.js"),
    import("../docker-config.js"),
    import("./ssh-forward.js"),
    import("./file-send.js"),
  ]);
  let auths: Promise<Record<string, AuthConfig>> | null = null;
  return {
    "/grpc.health.v1.Health/Check": healthCheck(),
    "/moby.filesync.v1.FileSync/DiffCopy": diffCopy({
      lookupDir: (name) => (name === "context" || name === "dockerfile" ? o.dirs[name] : null),
      onNote: o.onNote,
      onFailure: hooks.onFailure,
      onFileSent: hooks.onFileSent,
    }),
    "/moby.filesync.v1.Auth/Credentials": credentials(() => (auths ??= allCredentials(o.config))),
    "/moby.buildkit.secrets.v1.Secrets/GetSecret": getSecret(o.secrets, o.env, hooks.onFailure),
    "/moby.sshforward.v1.SSH/CheckAgent": checkAgent(o.ssh),
    "/moby.sshforward.v1.SSH/ForwardAgent": forwardAgent(o.ssh, hooks.onFailure),
    "/moby.filesync.v1.FileSend/DiffCopy": fileSend(o.output, o.onNote, hooks.onFailure, hooks.onOutput),
  };
}

/** Serves the session's methods (sessionMethods) on its open connection. */
export function serveBuildSession(socket: Duplex, o: SessionOptions): BuildSession {
  let failure: string | null = null;
  const sent = { files: 0, bytes: 0 };
  let outputBytes = 0;
  const outputCalls: Promise<unknown>[] = [];
  const hooks: Hooks = {
    onOutput: (bytes) => {
      outputBytes += bytes;
    },
    onFailure: (message) => {
      failure ??= message;
    },
    onFileSent: (bytes) => {
      sent.files++;
      sent.bytes += bytes;
    },
  };
  let services: Promise<Record<SessionMethod, Handler>> | null = null;
  const load = () => (services ??= loadServices(o, hooks));
  const handlers = new Map<string, Handler>(
    sessionMethods({ ssh: o.ssh.length > 0, output: o.output !== null }).map((method) => [
      method,
      async (call) => {
        const handled = load().then((services) => services[method](call));
        // The build's stream can end before the output the daemon sent is written: outputWritten() waits.
        if (method === FILE_SEND_METHOD) outputCalls.push(handled.catch(() => {}));
        return handled;
      },
    ]),
  );
  let settled!: () => void;
  const ready = new Promise<void>((resolve) => (settled = resolve));
  const server: GrpcServer = serveGrpc(socket, handlers, hooks.onFailure, () => void load().then(settled, settled));
  // A connection that ends before the daemon has the settings leaves nothing to wait for.
  void server.closed.then(settled);
  return {
    ready,
    failure: () => failure,
    sent: () => ({ ...sent }),
    outputWritten: async () => {
      await Promise.all(outputCalls);
      return outputBytes;
    },
    close: () => {
      settled();
      server.close();
    },
  };
}
