// grpc.health.v1.Health/Check: the daemon checks that the session is alive before it uses it, and
// drops a session that does not answer SERVING.
import type { Handler } from "./grpc-server.js";
import { encodeServing } from "./session-protos.js";

/** Answers SERVING to every health check. */
export function healthCheck(): Handler {
  return async (call) => {
    for await (const m of call.messages) if (m instanceof Error) return;
    await call.send(encodeServing()).catch(() => {});
  };
}
