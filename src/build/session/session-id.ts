// The ID that names a BuildKit session, made before the session opens: the build request carries it,
// and goes out first, as the docker CLI sends them.
import { randomBytes } from "node:crypto";

/** A session ID as BuildKit's identity.NewID makes one: 25 characters of base 36. */
export function newSessionId(): string {
  return BigInt("0x" + randomBytes(16).toString("hex")).toString(36).padStart(25, "0").slice(-25);
}
