// ssh:// engines, reached as the docker CLI reaches them (its connhelper): the system `ssh` runs
// `docker system dial-stdio` on the remote host, and HTTP is spoken over that process's stdio. The
// user's ssh configuration, keys and known hosts apply because it is their ssh.
import { spawn } from "node:child_process";
import { Agent } from "node:http";
import { Duplex } from "node:stream";

export interface SshTarget {
  host: string;
  user?: string;
  port?: number;
  socketPath?: string;
}

/** The ssh command line the docker CLI runs for this target. */
export function sshArguments(t: SshTarget): string[] {
  const args: string[] = [];
  if (t.user) args.push("-l", t.user);
  if (t.port) args.push("-p", String(t.port));
  args.push("-o", "ConnectTimeout=30", "-T", "--", t.host);
  if (t.socketPath) args.push("docker", `--host=unix://${t.socketPath}`, "system", "dial-stdio");
  else args.push("docker", "system", "dial-stdio");
  return args;
}

/** An HTTP agent whose every connection is a fresh `ssh ... docker system dial-stdio`. */
export function sshAgent(t: SshTarget, command = "ssh"): Agent {
  // No TLS server name to work out (engine-client.ts says why that is worth saying).
  const agent = new Agent({ keepAlive: false, servername: "" } as ConstructorParameters<typeof Agent>[0]);
  (agent as unknown as { createConnection: () => Duplex }).createConnection = () => {
    const child = spawn(command, sshArguments(t), { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
    const socket = Duplex.from({ readable: child.stdout, writable: child.stdin }) as Duplex & Record<string, unknown>;
    // http's client calls these on a net.Socket; a pipe has nothing to set.
    socket.setTimeout = () => socket;
    socket.setNoDelay = () => socket;
    socket.setKeepAlive = () => socket;
    socket.ref = () => socket;
    socket.unref = () => socket;
    child.on("error", (e) => socket.destroy(new Error(`cannot run ssh: ${e.message}`)));
    child.on("exit", (code) => {
      if (code) socket.destroy(new Error(`ssh exited with status ${code}${stderr ? ": " + stderr.trim() : ""}`));
    });
    socket.on("close", () => child.kill());
    return socket;
  };
  return agent;
}
