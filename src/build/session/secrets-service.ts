// moby.buildkit.secrets.v1.Secrets/GetSecret: the value of a `--secret id=ID,src=FILE|env=NAME` for
// `RUN --mount=type=secret,id=ID`, read when the daemon asks for it, never stored. An unknown ID is
// NOT_FOUND, as BuildKit's secretsprovider answers, which the daemon treats as a missing secret
// (an error only when the mount says required=true).
import { readFile } from "node:fs/promises";
import { GrpcError, Status, unaryRequest, type Handler } from "./grpc-server.js";
import { decodeSecretRequest, encodeSecretResponse } from "./session-protos.js";

/** A secret's source: a file, or an environment variable. */
export type SecretSource = { id: string; file: string } | { id: string; env: string };

/** Answers GetSecret from `secrets`; `env` is where env= sources are read. */
export function getSecret(secrets: readonly SecretSource[], env: NodeJS.ProcessEnv, onFailure: (message: string) => void): Handler {
  const byId = new Map(secrets.map((s) => [s.id, s]));
  return async (call) => {
    const id = await unaryRequest(call, decodeSecretRequest, "GetSecret");
    if (id instanceof GrpcError) return id;
    const source = byId.get(id);
    if (!source) return new GrpcError(Status.NOT_FOUND, `secret ${id} not found`);
    let data: Uint8Array;
    if ("file" in source) {
      try {
        data = await readFile(source.file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        const message = `cannot read the secret '${id}' from ${source.file}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message}`;
        onFailure(message);
        return new GrpcError(Status.NOT_FOUND, message);
      }
    } else {
      const value = env[source.env];
      if (value === undefined) {
        const message = `the secret '${id}' comes from the environment variable ${source.env}, which is not set`;
        onFailure(message);
        return new GrpcError(Status.NOT_FOUND, message);
      }
      data = Buffer.from(value);
    }
    await call.send(encodeSecretResponse(data)).catch(() => {});
  };
}
