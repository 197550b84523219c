// BuildKit's progress messages: the `moby.buildkit.trace` aux of a version=2 build is the base64 of a
// protobuf moby.buildkit.v1.StatusResponse. Decoded with protobufjs from the message definitions.
//
// The definitions below are the subset of BuildKit's api/services/control/control.proto and
// solver/pb/ops.proto that StatusResponse needs (field names and numbers as upstream; gogoproto
// options dropped; google.protobuf.Timestamp written out). BuildKit is Copyright The BuildKit
// Authors, licensed under the Apache License, Version 2.0.
import protobuf from "protobufjs";

const STATUS_PROTO = `
syntax = "proto3";
package moby.buildkit.v1;

message StatusResponse {
  repeated Vertex vertexes = 1;
  repeated VertexStatus statuses = 2;
  repeated VertexLog logs = 3;
  repeated VertexWarning warnings = 4;
}
message Vertex {
  string digest = 1;
  repeated string inputs = 2;
  string name = 3;
  bool cached = 4;
  Timestamp started = 5;
  Timestamp completed = 6;
  string error = 7;
  ProgressGroup progressGroup = 8;
}
message VertexStatus {
  string ID = 1;
  string vertex = 2;
  string name = 3;
  int64 current = 4;
  int64 total = 5;
  Timestamp timestamp = 6;
  Timestamp started = 7;
  Timestamp completed = 8;
}
message VertexLog {
  string vertex = 1;
  Timestamp timestamp = 2;
  int64 stream = 3;
  bytes msg = 4;
}
message VertexWarning {
  string vertex = 1;
  int64 level = 2;
  bytes short = 3;
  repeated bytes detail = 4;
  string url = 5;
  SourceInfo info = 6;
  repeated Range ranges = 7;
}
message ProgressGroup {
  string id = 1;
  string name = 2;
  bool weak = 3;
}
message SourceInfo {
  string filename = 1;
  bytes data = 2;
}
message Range {
  Position start = 1;
  Position end = 2;
}
message Position {
  int32 line = 1;
  int32 character = 2;
}
message Timestamp {
  int64 seconds = 1;
  int32 nanos = 2;
}
`;

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

let type: protobuf.Type | null = null;

type Long = { toNumber(): number } | number | string;
const num = (v: Long | undefined | null): number => (v === undefined || v === null ? 0 : typeof v === "object" ? v.toNumber() : Number(v));
const time = (t: { seconds?: Long; nanos?: number } | null | undefined): number | null => (t ? num(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : null);
const text = (b: Uint8Array | undefined | null) => (b ? Buffer.from(b).toString("utf8") : "");

/** Decodes one `moby.buildkit.trace` aux value; null when it is not a StatusResponse. */
export function decodeStatus(base64: string): StatusResponse | null {
  type ??= protobuf.parse(STATUS_PROTO, { keepCase: true }).root.lookupType("moby.buildkit.v1.StatusResponse");
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
