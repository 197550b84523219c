// The SSH agent protocol's framing (draft-miller-ssh-agent, section 3: a uint32 length, then that many
// bytes, the first of which is the message type), and what a build may ask of the user's agent.
//
// A build's RUN --mount=type=ssh talks to the agent through the session. BuildKit's own client puts a
// read-only agent in between (sshprovider's readOnlyAgent): the build may list the keys and have the
// agent sign with them, never add, remove or lock keys or call extensions. dflint keeps the same
// promise with an allow list, so a Dockerfile cannot empty the user's agent or load keys into it.

/** Requests passed to the agent: SSH_AGENTC_REQUEST_IDENTITIES and SSH_AGENTC_SIGN_REQUEST. */
const ALLOWED = new Set([11, 13]);

/** SSH_AGENT_FAILURE, framed: the answer to every other request. */
export const AGENT_FAILURE = Uint8Array.of(0, 0, 0, 1, 5);

/** OpenSSH's agent refuses longer messages (AGENT_MAX_LEN); so does dflint, in both directions. */
export const MAX_AGENT_MESSAGE = 256 * 1024;

/** Whether a framed request may reach the user's agent. */
export function isAllowedRequest(frame: Uint8Array): boolean {
  return frame.length > 4 && ALLOWED.has(frame[4]!);
}

/** Cuts a byte stream into whole framed messages, however its chunks fall. */
export class AgentFrames {
  private pending: Buffer = Buffer.alloc(0);

  /** The whole messages completed by `chunk`, each with its length prefix; an Error when one is over the limit. */
  push(chunk: Uint8Array): Uint8Array[] | Error {
    this.pending = this.pending.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.pending, chunk]);
    const frames: Uint8Array[] = [];
    while (this.pending.length >= 4) {
      const length = this.pending.readUInt32BE(0);
      if (length > MAX_AGENT_MESSAGE) return new Error(`an SSH agent message of ${length} bytes (at most ${MAX_AGENT_MESSAGE})`);
      if (this.pending.length < 4 + length) break;
      frames.push(this.pending.subarray(0, 4 + length));
      this.pending = this.pending.subarray(4 + length);
    }
    return frames;
  }
}
