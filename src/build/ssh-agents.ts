// The SSH agents a build forwards (`--ssh ID=SOCKET`), checked before anything is sent, as the CLI
// checks them before it starts a build. Only agent sockets are forwarded: the CLI also loads private
// key files into an agent of its own, which would mean parsing every key format and signing in dflint;
// a key is forwarded by adding it to an agent (ssh-add) instead, which also keeps it encrypted at rest.
import { stat } from "node:fs/promises";
import { ioReason } from "./io-reason.js";

/** An agent the build may use: `--ssh ID=SOCKET`. */
export interface SshAgent {
  id: string;
  /** The agent's Unix socket. */
  socket: string;
}

/** Why the agents cannot be forwarded, or null: a duplicate ID, or a path that is not a socket. */
export async function sshAgentsProblem(agents: readonly SshAgent[]): Promise<string | null> {
  const seen = new Set<string>();
  for (const { id, socket } of agents) {
    if (seen.has(id)) return `--ssh names the agent '${id}' twice`;
    seen.add(id);
    let isSocket: boolean;
    try {
      isSocket = (await stat(socket)).isSocket();
    } catch (e) {
      return `--ssh ${id}: cannot use ${socket}: ${ioReason(e)}${(e as NodeJS.ErrnoException).code === "ENOENT" ? " (is the agent running?)" : ""}`;
    }
    if (!isSocket) return `--ssh ${id}: ${socket} is not an agent's socket; dflint forwards agents, not key files: add the key to an agent (ssh-add) and forward the agent`;
  }
  return null;
}
