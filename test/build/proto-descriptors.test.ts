// The protobuf descriptors dflint builds its message types from at run time are the upstream .proto
// text kept beside them, as protobufjs's own .proto parser reads it: same messages, field names,
// numbers, types, rules and enums. And the types built from the descriptors encode and decode what the
// parsed ones do.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import protobuf from "protobufjs";
import { describe, expect, it } from "vitest";
import { decodeStatus, STATUS_MESSAGES } from "../../src/build/buildkit-status.js";
import { decodePacket, encodePacket, PACKET_MESSAGES, PacketType, SERVICE_MESSAGES } from "../../src/build/session/session-protos.js";

const src = fileURLToPath(new URL("../../src/build/", import.meta.url));

function parsed(file: string, pkg: string): protobuf.Namespace {
  return protobuf.parse(readFileSync(src + file, "utf8"), { keepCase: true }).root.lookup(pkg) as protobuf.Namespace;
}

describe("protobuf descriptors", () => {
  for (const [file, pkg, messages] of [
    ["buildkit-status.proto", "moby.buildkit.v1", STATUS_MESSAGES],
    ["session/fsutil-packet.proto", "fsutil.types", PACKET_MESSAGES],
    ["session/session-services.proto", "session", SERVICE_MESSAGES],
  ] as const) {
    it(`are the messages of ${file}`, () => {
      expect(messages).toEqual(parsed(file, pkg).toJSON().nested);
    });
  }

  it("encode a Packet as the parsed definition does, 64-bit times and all", () => {
    const Packet = parsed("session/fsutil-packet.proto", "fsutil.types").lookupType("Packet");
    const modTime = 1_700_000_000_123_456_789n;
    const ours = encodePacket({ type: PacketType.STAT, id: 7, stat: { path: "a/b", mode: 0o100644, uid: 1, gid: 2, size: 5, modTime, linkname: "" } });
    const theirs = Packet.toObject(Packet.decode(ours), { longs: String });
    expect(theirs).toMatchObject({ type: PacketType.STAT, ID: 7, stat: { path: "a/b", mode: 0o100644, uid: 1, gid: 2, size: "5", modTime: String(modTime) } });
    const back = decodePacket(Packet.encode(Packet.fromObject({ type: PacketType.REQ, ID: 9, stat: { path: "x", modTime: String(modTime) } })).finish());
    expect(back).toMatchObject({ type: PacketType.REQ, id: 9, stat: { path: "x", modTime } });
  });

  it("decode a StatusResponse the parsed definition encodes", () => {
    const Status = parsed("buildkit-status.proto", "moby.buildkit.v1").lookupType("StatusResponse");
    const bytes = Status.encode(
      Status.fromObject({
        vertexes: [{ digest: "sha256:1", name: "[1/2] FROM x", started: { seconds: 1_700_000_000, nanos: 5_000_000 }, error: "boom" }],
        logs: [{ vertex: "sha256:1", stream: 2, msg: Buffer.from("hello\n") }],
        warnings: [{ short: Buffer.from("careful"), ranges: [{ start: { line: 3 }, end: { line: 4 } }] }],
      }),
    ).finish();
    const status = decodeStatus(Buffer.from(bytes).toString("base64"));
    expect(status?.vertexes[0]).toMatchObject({ digest: "sha256:1", name: "[1/2] FROM x", started: 1_700_000_000_005, error: "boom" });
    expect(status?.logs[0]).toMatchObject({ vertex: "sha256:1", stream: 2, msg: "hello\n" });
    expect(status?.warnings[0]).toMatchObject({ short: "careful", lines: [{ start: 3, end: 4 }] });
  });
});
