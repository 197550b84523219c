// The protobuf messages of the BuildKit session services dflint serves, decoded and encoded with
// protobufjs from their definitions: fsutil's Packet and Stat (fsutil-packet.proto), and gRPC's health
// check with BuildKit's Auth, Secrets and SSH forwarding (session-services.proto). The definitions are given as JSON
// descriptors, from which protobufjs/light builds the types without its .proto parser (a tenth of a
// small build's start); the .proto files beside this one are the upstream text they come from, and
// test/build/proto-descriptors.test.ts holds the two to each other.
import protobuf from "protobufjs/light.js";

/** The messages of fsutil-packet.proto (package fsutil.types), as protobufjs JSON. */
export const PACKET_MESSAGES = {
  Packet: {
    fields: { type: { type: "PacketType", id: 1 }, stat: { type: "Stat", id: 2 }, ID: { type: "uint32", id: 3 }, data: { type: "bytes", id: 4 } },
    nested: {
      PacketType: { values: { PACKET_STAT: 0, PACKET_REQ: 1, PACKET_DATA: 2, PACKET_FIN: 3, PACKET_ERR: 4, PACKET_HASH_REQ: 5, PACKET_HASH: 6 } },
    },
  },
  Stat: {
    fields: {
      path: { type: "string", id: 1 },
      mode: { type: "uint32", id: 2 },
      uid: { type: "uint32", id: 3 },
      gid: { type: "uint32", id: 4 },
      size: { type: "int64", id: 5 },
      modTime: { type: "int64", id: 6 },
      linkname: { type: "string", id: 7 },
      devmajor: { type: "int64", id: 8 },
      devminor: { type: "int64", id: 9 },
      xattrs: { keyType: "string", type: "bytes", id: 10 },
    },
  },
};

/** The messages of session-services.proto (package session), as protobufjs JSON. */
export const SERVICE_MESSAGES = {
  HealthCheckRequest: { fields: { service: { type: "string", id: 1 } } },
  HealthCheckResponse: { fields: { status: { type: "int32", id: 1 } } },
  CredentialsRequest: { fields: { Host: { type: "string", id: 1 } } },
  CredentialsResponse: { fields: { Username: { type: "string", id: 1 }, Secret: { type: "string", id: 2 } } },
  GetSecretRequest: { fields: { ID: { type: "string", id: 1 }, annotations: { keyType: "string", type: "string", id: 2 } } },
  GetSecretResponse: { fields: { data: { type: "bytes", id: 1 } } },
  CheckAgentRequest: { fields: { ID: { type: "string", id: 1 } } },
  CheckAgentResponse: { fields: {} },
  BytesMessage: { fields: { data: { type: "bytes", id: 1 } } },
};

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
  checkAgentRequest: protobuf.Type;
  bytesMessage: protobuf.Type;
}

// The types are made, and their encoders and decoders generated (Type#setup), when this module loads:
// build.ts loads it once POST /build has gone out, so this work fills the time the daemon takes to
// prepare the build instead of delaying the answer to its first call.
const types = makeTypes();

function makeTypes(): Types {
  const fs = protobuf.Root.fromJSON({ nested: PACKET_MESSAGES });
  const services = protobuf.Root.fromJSON({ nested: SERVICE_MESSAGES });
  fs.lookupType("Stat").setup();
  return {
    packet: fs.lookupType("Packet").setup(),
    healthResponse: services.lookupType("HealthCheckResponse").setup(),
    credentialsRequest: services.lookupType("CredentialsRequest"),
    credentialsResponse: services.lookupType("CredentialsResponse"),
    secretRequest: services.lookupType("GetSecretRequest"),
    secretResponse: services.lookupType("GetSecretResponse"),
    checkAgentRequest: services.lookupType("CheckAgentRequest"),
    bytesMessage: services.lookupType("BytesMessage"),
  };
}

// int64 fields: protobufjs takes a Long-like {low, high} or a number; nanosecond times exceed 2^53.
const int64 = (v: bigint) => ({ low: Number(BigInt.asIntN(32, v)), high: Number(BigInt.asIntN(32, v >> 32n)), unsigned: false });

/** Encodes one fsutil Packet. */
export function encodePacket(p: { type: number; stat?: StatMessage; id?: number; data?: Uint8Array }): Uint8Array {
  const { packet } = types;
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
  const { packet } = types;
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
  return types.healthResponse.encode({ status: 1 }).finish();
}

/** The registry host a moby.filesync.v1.Auth/Credentials call asks about; null when malformed. */
export function decodeCredentialsRequest(bytes: Uint8Array): string | null {
  try {
    return (types.credentialsRequest.decode(bytes) as unknown as { Host?: string }).Host ?? "";
  } catch {
    return null;
  }
}

export function encodeCredentialsResponse(username: string, secret: string): Uint8Array {
  return types.credentialsResponse.encode({ Username: username, Secret: secret }).finish();
}

/** The secret ID a moby.buildkit.secrets.v1.Secrets/GetSecret call asks for; null when malformed. */
export function decodeSecretRequest(bytes: Uint8Array): string | null {
  try {
    return (types.secretRequest.decode(bytes) as unknown as { ID?: string }).ID ?? "";
  } catch {
    return null;
  }
}

export function encodeSecretResponse(data: Uint8Array): Uint8Array {
  return types.secretResponse.encode({ data }).finish();
}

/** The agent ID a moby.sshforward.v1.SSH/CheckAgent call asks about ("" for the default); null when malformed. */
export function decodeCheckAgentRequest(bytes: Uint8Array): string | null {
  try {
    return (types.checkAgentRequest.decode(bytes) as unknown as { ID?: string }).ID ?? "";
  } catch {
    return null;
  }
}

/** CheckAgentResponse has no fields: its encoding is empty. */
export const CHECK_AGENT_RESPONSE = new Uint8Array(0);

/** The bytes of one BytesMessage (SSH forwarding's and FileSend's have the same one field); null when malformed. */
export function decodeBytesMessage(bytes: Uint8Array): Uint8Array | null {
  try {
    return (types.bytesMessage.decode(bytes) as unknown as { data?: Uint8Array }).data ?? new Uint8Array(0);
  } catch {
    return null;
  }
}

export function encodeBytesMessage(data: Uint8Array): Uint8Array {
  return types.bytesMessage.encode({ data }).finish();
}
