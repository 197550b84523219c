// BuildKit's progress messages: the `moby.buildkit.trace` aux of a version=2 build is the base64 of a
// protobuf moby.buildkit.v1.StatusResponse. Decoded with protobufjs from the message definitions, given
// as its JSON descriptor: protobufjs/light builds the types from it without the .proto parser, which
// was a tenth of a small build's start. buildkit-status.proto beside this file is the upstream text
// they come from, and test/build/proto-descriptors.test.ts holds the two to each other.
import protobuf from "protobufjs/light.js";

/** The messages of buildkit-status.proto (package moby.buildkit.v1), as protobufjs JSON. */
export const STATUS_MESSAGES = {
  StatusResponse: {
    fields: {
      vertexes: { rule: "repeated", type: "Vertex", id: 1 },
      statuses: { rule: "repeated", type: "VertexStatus", id: 2 },
      logs: { rule: "repeated", type: "VertexLog", id: 3 },
      warnings: { rule: "repeated", type: "VertexWarning", id: 4 },
    },
  },
  Vertex: {
    fields: {
      digest: { type: "string", id: 1 },
      inputs: { rule: "repeated", type: "string", id: 2 },
      name: { type: "string", id: 3 },
      cached: { type: "bool", id: 4 },
      started: { type: "Timestamp", id: 5 },
      completed: { type: "Timestamp", id: 6 },
      error: { type: "string", id: 7 },
      progressGroup: { type: "ProgressGroup", id: 8 },
    },
  },
  VertexStatus: {
    fields: {
      ID: { type: "string", id: 1 },
      vertex: { type: "string", id: 2 },
      name: { type: "string", id: 3 },
      current: { type: "int64", id: 4 },
      total: { type: "int64", id: 5 },
      timestamp: { type: "Timestamp", id: 6 },
      started: { type: "Timestamp", id: 7 },
      completed: { type: "Timestamp", id: 8 },
    },
  },
  VertexLog: {
    fields: {
      vertex: { type: "string", id: 1 },
      timestamp: { type: "Timestamp", id: 2 },
      stream: { type: "int64", id: 3 },
      msg: { type: "bytes", id: 4 },
    },
  },
  VertexWarning: {
    fields: {
      vertex: { type: "string", id: 1 },
      level: { type: "int64", id: 2 },
      short: { type: "bytes", id: 3 },
      detail: { rule: "repeated", type: "bytes", id: 4 },
      url: { type: "string", id: 5 },
      info: { type: "SourceInfo", id: 6 },
      ranges: { rule: "repeated", type: "Range", id: 7 },
    },
  },
  ProgressGroup: { fields: { id: { type: "string", id: 1 }, name: { type: "string", id: 2 }, weak: { type: "bool", id: 3 } } },
  SourceInfo: { fields: { filename: { type: "string", id: 1 }, data: { type: "bytes", id: 2 } } },
  Range: { fields: { start: { type: "Position", id: 1 }, end: { type: "Position", id: 2 } } },
  Position: { fields: { line: { type: "int32", id: 1 }, character: { type: "int32", id: 2 } } },
  Timestamp: { fields: { seconds: { type: "int64", id: 1 }, nanos: { type: "int32", id: 2 } } },
};

export interface Vertex {
  digest: string;
  inputs: string[];
  name: string;
  cached: boolean;
  /** Milliseconds since the epoch. */
  started: number | null;
  completed: number | null;
  error: string;
}

export interface VertexStatus {
  id: string;
  vertex: string;
  name: string;
  current: number;
  total: number;
  timestamp: number | null;
  started: number | null;
  completed: number | null;
}

export interface VertexLog {
  vertex: string;
  timestamp: number | null;
  /** 1 stdout, 2 stderr. */
  stream: number;
  msg: string;
}

export interface VertexWarning {
  vertex: string;
  level: number;
  short: string;
  detail: string[];
  url: string;
  /** 1-based lines of the Dockerfile the warning is about. */
  lines: Array<{ start: number; end: number }>;
}

export interface StatusResponse {
  vertexes: Vertex[];
  statuses: VertexStatus[];
  logs: VertexLog[];
  warnings: VertexWarning[];
}

// Made when this module loads, which build.ts arranges for after the session's first needs; protobufjs
// generates each message's decoder when the first message of its kind comes.
const type = protobuf.Root.fromJSON({ nested: STATUS_MESSAGES }).lookupType("StatusResponse");

type Long = { toNumber(): number } | number | string;
const num = (v: Long | undefined | null): number => (v === undefined || v === null ? 0 : typeof v === "object" ? v.toNumber() : Number(v));
const time = (t: { seconds?: Long; nanos?: number } | null | undefined): number | null => (t ? num(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : null);
const text = (b: Uint8Array | undefined | null) => (b ? Buffer.from(b).toString("utf8") : "");

/** Decodes one `moby.buildkit.trace` aux value; null when it is not a StatusResponse. */
export function decodeStatus(base64: string): StatusResponse | null {
  let m: Record<string, unknown[]>;
  try {
    m = type.decode(Buffer.from(base64, "base64")) as unknown as Record<string, unknown[]>;
  } catch {
    return null;
  }
  type Raw = Record<string, never>;
  return {
    vertexes: ((m.vertexes ?? []) as Raw[]).map((v) => ({
      digest: v.digest ?? "",
      inputs: v.inputs ?? [],
      name: v.name ?? "",
      cached: v.cached ?? false,
      started: time(v.started),
      completed: time(v.completed),
      error: v.error ?? "",
    })),
    statuses: ((m.statuses ?? []) as Raw[]).map((s) => ({
      id: s.ID ?? "",
      vertex: s.vertex ?? "",
      name: s.name ?? "",
      current: num(s.current),
      total: num(s.total),
      timestamp: time(s.timestamp),
      started: time(s.started),
      completed: time(s.completed),
    })),
    logs: ((m.logs ?? []) as Raw[]).map((l) => ({ vertex: l.vertex ?? "", timestamp: time(l.timestamp), stream: num(l.stream), msg: text(l.msg) })),
    warnings: ((m.warnings ?? []) as Raw[]).map((w) => ({
      vertex: w.vertex ?? "",
      level: num(w.level),
      short: text(w.short),
      detail: ((w.detail ?? []) as Uint8Array[]).map(text),
      url: w.url ?? "",
      lines: ((w.ranges ?? []) as Array<{ start?: { line?: number }; end?: { line?: number } }>).map((r) => ({ start: r.start?.line ?? 0, end: r.end?.line ?? 0 })),
    })),
  };
}
