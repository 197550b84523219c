// moby.filesync.v1.Auth/Credentials: registry credentials the daemon asks for while it pulls, by host,
// from the docker configuration (credential helpers included), as BuildKit's authprovider answers:
// Docker Hub's registry-1.docker.io is looked up as https://index.docker.io/v1/, an identity token is
// the secret with no user name, and an unknown host gets empty credentials (an anonymous pull).
import type { AuthConfig } from "../docker-config.js";
import { GrpcError, unaryRequest, type Handler } from "./grpc-server.js";
import { decodeCredentialsRequest, encodeCredentialsResponse } from "./session-protos.js";

// A config key may be a URL ("https://registry.example/v1/"): its host is what a pull names.
const hostOf = (key: string) => key.replace(/^[a-z]+:\/\//i, "").replace(/\/.*$/, "");

/** The credentials for `host` among the configured ones, or null. */
export function credentialsFor(host: string, auths: Readonly<Record<string, AuthConfig>>): AuthConfig | null {
  const key = host === "registry-1.docker.io" ? "https://index.docker.io/v1/" : host;
  if (auths[key]) return auths[key]!;
  for (const [k, v] of Object.entries(auths)) if (hostOf(k) === hostOf(key)) return v;
  return null;
}

/** Answers Credentials from `auths` (read when the first call arrives: helpers may be slow). */
export function credentials(auths: () => Promise<Readonly<Record<string, AuthConfig>>>): Handler {
  return async (call) => {
    const host = await unaryRequest(call, decodeCredentialsRequest, "Credentials");
    if (host instanceof GrpcError) return host;
    const found = credentialsFor(host, await auths());
    const response = !found ? encodeCredentialsResponse("", "") : found.identitytoken ? encodeCredentialsResponse("", found.identitytoken) : encodeCredentialsResponse(found.username ?? "", found.password ?? "");
    await call.send(response).catch(() => {});
  };
}
