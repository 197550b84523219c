// moby.sshforward.v1.SSH: the agents `--ssh ID=SOCKET` forwards to RUN --mount=type=ssh. CheckAgent
// says whether an ID is forwarded; each ForwardAgent call is one connection from the build to the
// agent: the daemon sends the bytes the build writes as BytesMessages and dflint answers with the
// agent's replies, one request at a time, passing only the requests a build may make
// (ssh-agent-frames.ts). The ID comes in the call's `buildkit.ssh.id` metadata; "" means "default".
import { createConnection, type Socket } from "node:net";
import { ioReason } from "../io-reason.js";
import type { SshAgent } from "../ssh-agents.js";
import { GrpcError, Status, unaryRequest, type Handler } from "./grpc-server.js";
import { AGENT_FAILURE, AgentFrames, isAllowedRequest } from "./ssh-agent-frames.js";
import { CHECK_AGENT_RESPONSE, decodeBytesMessage, decodeCheckAgentRequest, encodeBytesMessage } from "./session-protos.js";

const DEFAULT_ID = "default";
const ID_KEY = "buildkit.ssh.id";

const unset = (id: string) => new GrpcError(Status.NOT_FOUND, `no SSH agent is forwarded as '${id}' (dflint build --ssh ${id}[=SOCKET])`);

/** SSH/CheckAgent: OK when the ID is forwarded. */
export function checkAgent(agents: readonly SshAgent[]): Handler {
  const ids = new Set(agents.map((a) => a.id));
  return async (call) => {
    const id = await unaryRequest(call, decodeCheckAgentRequest, "CheckAgent");
    if (id instanceof GrpcError) return id;
    if (!ids.has(id || DEFAULT_ID)) return unset(id || DEFAULT_ID);
    await call.send(CHECK_AGENT_RESPONSE).catch(() => {});
  };
}

/** SSH/ForwardAgent: one connection of the build to the agent. */
export function forwardAgent(agents: readonly SshAgent[], onFailure: (message: string) => void): Handler {
  const byId = new Map(agents.map((a) => [a.id, a.socket]));
  return async (call) => {
    const id = call.metadata.get(ID_KEY)?.[0] || DEFAULT_ID;
    const path = byId.get(id);
    if (path === undefined) return unset(id);
    const agent = await AgentConnection.open(path);
    if (agent instanceof Error) {
      const message = `cannot reach the SSH agent '${id}' at ${path}: ${agent.message}`;
      onFailure(message);
      return new GrpcError(Status.UNAVAILABLE, message);
    }
    const requests = new AgentFrames();
    try {
      for await (const m of call.messages) {
        if (m instanceof Error || call.signal.aborted) return;
        const bytes = decodeBytesMessage(m);
        const frames = bytes === null ? new Error("a malformed BytesMessage") : requests.push(bytes);
        if (frames instanceof Error) return new GrpcError(Status.INVALID_ARGUMENT, `the build sent ${frames.message}`);
        for (const frame of frames) {
          const reply = isAllowedRequest(frame) ? await agent.ask(frame) : AGENT_FAILURE;
          if (reply instanceof Error) {
            const message = `the SSH agent '${id}' at ${path} failed: ${reply.message}`;
            onFailure(message);
            return new GrpcError(Status.UNAVAILABLE, message);
          }
          await call.send(encodeBytesMessage(reply));
        }
      }
    } catch {
      // the call was closed under the exchange: the build's connection went
    } finally {
      agent.close();
    }
  };
}

/** A connection to the user's agent, asked one request at a time. */
class AgentConnection {
  private readonly replies = new AgentFrames();
  private ready: Uint8Array[] = [];
  private broken: Error | null = null;
  private waiting: (() => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      const frames = this.replies.push(chunk);
      if (frames instanceof Error) this.fail(frames);
      else this.ready.push(...frames);
      this.wake();
    });
    socket.on("error", (e) => this.fail(e));
    socket.on("close", () => this.fail(new Error("it closed the connection")));
  }

  static open(path: string): Promise<AgentConnection | Error> {
    return new Promise((resolve) => {
      const socket = createConnection(path);
      const failed = (e: NodeJS.ErrnoException) => resolve(new Error(e.code === "ECONNREFUSED" ? "nothing listens on it" : ioReason(e)));
      socket.once("error", failed);
      socket.once("connect", () => {
        socket.off("error", failed);
        resolve(new AgentConnection(socket));
      });
    });
  }

  /** The agent's reply to one framed request. */
  async ask(frame: Uint8Array): Promise<Uint8Array | Error> {
    if (this.broken) return this.broken;
    this.socket.write(frame);
    while (this.ready.length === 0 && !this.broken) await new Promise<void>((resolve) => (this.waiting = resolve));
    return this.ready.shift() ?? this.broken!;
  }

  close(): void {
    this.socket.destroy();
  }

  private fail(e: Error): void {
    this.broken ??= e;
    this.wake();
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = null;
    w?.();
  }
}
