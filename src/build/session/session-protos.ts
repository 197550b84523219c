// The protobuf messages of the BuildKit session services dflint serves, decoded and encoded with
// protobufjs from their definitions: fsutil's Packet and Stat (tonistiigi/fsutil types/wire.proto and
// stat.proto), gRPC's health check (grpc/health/v1/health.proto), and BuildKit's Auth and Secrets
// (session/auth/auth.proto, session/secrets/secrets.proto). Field names and numbers as upstream;
// gogoproto and vtproto options dropped. fsutil and BuildKit are licensed under the Apache License 2.0.
import protobuf from "protobufjs";

const PROTO = `
syntax = "proto3";

package fsutil.types;

message Packet {
  enum PacketType {
    PACKET_STAT = 0;
    PACKET_REQ = 1;
    PACKET_DATA = 2;
    PACKET_FIN = 3;
    PACKET_ERR = 4;
    PACKET_HASH_REQ = 5;
    PACKET_HASH = 6;
  }
  PacketType type = 1;
  Stat stat = 2;
  uint32 ID = 3;
  bytes data = 4;
}

message Stat {
  string path = 1;
  uint32 mode = 2;
  uint32 uid = 3;
  uint32 gid = 4;
  int64 size = 5;
  int64 modTime = 6;
  string linkname = 7;
  int64 devmajor = 8;
  int64 devminor = 9;
  map<string, bytes> xattrs = 10;
}
`;

const SERVICES_PROTO = `
syntax = "proto3";

package session;

message HealthCheckRequest {
  string service = 1;
}
message HealthCheckResponse {
  int32 status = 1;
}
message CredentialsRequest {
  string Host = 1;
}
message CredentialsResponse {
  string Username = 1;
  string Secret = 2;
}
message GetSecretRequest {
  string ID = 1;
  map<string, string> annotations = 2;
}
message GetSecretResponse {
  bytes data = 1;
}
`;

export const PacketType = { STAT: 0, REQ: 1, DATA: 2, FIN: 3, ERR: 4 } as const;

/** fsutil's Stat: `mode` is Go's os.FileMode, `modTime` nanoseconds since the epoch. */
export interface StatMessage {
  path: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  modTime: bigint;
  linkname: string;
  devmajor?: number;
  devminor?: number;
}

export interface PacketMessage {
  type: number;
  stat: StatMessage | null;
  id: number;
  data: Uint8Array;
}

interface Types {
  packet: protobuf.Type;
  healthResponse: protobuf.Type;
  credentialsRequest: protobuf.Type;
  credentialsResponse: protobuf.Type;
  secretRequest: protobuf.Type;
  secretResponse: protobuf.Type;
}

let types: Types | null = null;

function load(): Types {
  if (types) return types;
  const fs = protobuf.parse(PROTO, { keepCase: true }).root;
  const services = protobuf.parse(SERVICES_PROTO, { keepCase: true }).root;
  types = {
    packet: fs.lookupType("fsutil.types.Packet"),
    healthResponse: services.lookupType("session.HealthCheckResponse"),
    credentialsRequest: services.lookupType("session.CredentialsRequest"),
    credentialsResponse: services.lookupType("session.CredentialsResponse"),
    secretRequest: services.lookupType("session.GetSecretRequest"),
    secretResponse: services.lookupType("session.GetSecretResponse"),
  };
  return types;
}

// int64 fields: protobufjs takes a Long-like {low, high} or a number; nanosecond times exceed 2^53.
const int64 = (v: bigint) => ({ low: Number(BigInt.asIntN(32, v)), high: Number(BigInt.asIntN(32, v >> 32n)), unsigned: false });

/** Encodes one fsutil Packet. */
export function encodePacket(p: { type: number; stat?: StatMessage; id?: number; data?: Uint8Array }): Uint8Array {
  const { packet } = load();
  const message: Record<string, unknown> = { type: p.type };
  if (p.stat) {
    const s = p.stat;
    message.stat = {
      path: s.path,
      mode: s.mode,
      uid: s.uid,
      gid: s.gid,
      size: s.size,
      modTime: int64(s.modTime),
      linkname: s.linkname,
      devmajor: s.devmajor ?? 0,
      devminor: s.devminor ?? 0,
    };
  }
  if (p.id) message.ID = p.id;
  if (p.data && p.data.length > 0) message.data = p.data;
  return packet.encode(message).finish();
}

type Long = { toString(): string } | number;

/** Decodes one fsutil Packet; null when the bytes are not one. */
export function decodePacket(bytes: Uint8Array): PacketMessage | null {
  const { packet } = load();
  try {
    const m = packet.decode(bytes) as unknown as { type?: number; stat?: Record<string, unknown>; ID?: number; data?: Uint8Array };
    const s = m.stat;
    return {
      type: m.type ?? 0,
      id: m.ID ?? 0,
      data: m.data ?? new Uint8Array(0),
      stat: s
        ? {
            path: (s.path as string) ?? "",
            mode: (s.mode as number) ?? 0,
            uid: (s.uid as number) ?? 0,
            gid: (s.gid as number) ?? 0,
            size: Number((s.size as Long | undefined)?.toString() ?? 0),
            modTime: BigInt((s.modTime as Long | undefined)?.toString() ?? 0),
            linkname: (s.linkname as string) ?? "",
          }
        : null,
    };
  } catch {
    return null;
  }
}

/** grpc.health.v1.HealthCheckResponse with status SERVING. */
export function encodeServing(): Uint8Array {
  return load().healthResponse.encode({ status: 1 }).finish();
}

/** The registry host a moby.filesync.v1.Auth/Credentials call asks about; null when malformed. */
export function decodeCredentialsRequest(bytes: Uint8Array): string | null {
  try {
    return (load().credentialsRequest.decode(bytes) as unknown as { Host?: string }).Host ?? "";
  } catch {
    return null;
  }
}

export function encodeCredentialsResponse(username: string, secret: string): Uint8Array {
  return load().credentialsResponse.encode({ Username: username, Secret: secret }).finish();
}

/** The secret ID a moby.buildkit.secrets.v1.Secrets/GetSecret call asks for; null when malformed. */
export function decodeSecretRequest(bytes: Uint8Array): string | null {
  try {
    return (load().secretRequest.decode(bytes) as unknown as { ID?: string }).ID ?? "";
  } catch {
    return null;
  }
}

export function encodeSecretResponse(data: Uint8Array): Uint8Array {
  return load().secretResponse.encode({ data }).finish();
}
