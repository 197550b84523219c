// FileSync/DiffCopy over the session's real gRPC server, with node's HTTP/2 client standing in for the
// daemon's side of fsutil's protocol (receive.go): STATs with their IDs, REQ answered by DATA chunks of
// at most 32 KiB and an empty DATA, FIN answered by FIN and status OK; metadata lists kept apart; a
// file gone before the daemon asks for it ends the call with an ERR naming it, never a hang. The
// engine cannot be made to race a deletion, so this side of the failure is checked here.
import http2 from "node:http2";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { createServer, connect, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DATA_CHUNK, diffCopy } from "../../src/build/session/diff-copy.js";
import { frameMessage, readMessages } from "../../src/build/session/grpc-frames.js";
import { serveGrpc, Status } from "../../src/build/session/grpc-server.js";
import { decodePacket, encodePacket, PacketType, type PacketMessage } from "../../src/build/session/session-protos.js";
import { diskTree } from "../../src/build/session/sync-tree.js";

const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const c of cleanups.reverse()) c();
});

function context(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "dflint-diffcopy-"));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

// A session server for `root` on a unix socket, and the failures and notes it reports.
async function session(root: string) {
  const failures: string[] = [];
  const handler = diffCopy({ lookupDir: (name) => (name === "context" ? { tree: diskTree(root), excludes: null } : null), onNote: () => {}, onFailure: (m) => failures.push(m), onFileSent: () => {} });
  const socketPath = join(mkdtempSync(join(tmpdir(), "dflint-sock-")), "s");
  const server: Server = createServer((socket) => serveGrpc(socket, new Map([["/moby.filesync.v1.FileSync/DiffCopy", handler]]), (m) => failures.push(m)));
  await new Promise<void>((r) => server.listen(socketPath, r));
  const client = http2.connect("http://session", { createConnection: () => connect(socketPath) });
  cleanups.push(() => {
    client.destroy();
    server.close();
  });
  return { client, failures };
}

// The daemon's side: reads packets as they come and lets the test answer them.
function call(client: http2.ClientHttp2Session, path: string, metadata: Record<string, string | string[]>) {
  const req = client.request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers", ...metadata });
  const trailers = new Promise<http2.IncomingHttpHeaders>((resolve) => {
    req.on("trailers", resolve);
    req.on("response", (h) => h["grpc-status"] !== undefined && resolve(h)); // a trailers-only answer
  });
  const packets: AsyncIterator<Buffer | Error> = readMessages(req.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  return {
    send: (p: Parameters<typeof encodePacket>[0]) => req.write(frameMessage(encodePacket(p))),
    async next(): Promise<PacketMessage | null> {
      const r = await packets.next();
      if (r.done || r.value instanceof Error) return null;
      return decodePacket(r.value);
    },
    end: () => req.end(),
    trailers,
  };
}

async function stats(c: ReturnType<typeof call>): Promise<string[]> {
  const paths: string[] = [];
  for (let p = await c.next(); p && p.type === PacketType.STAT && p.stat; p = await c.next()) paths.push(p.stat.path);
  return paths;
}

describe("FileSync/DiffCopy on the session's gRPC server", () => {
  it("sends STATs, answers REQ with DATA chunks and an empty DATA, and FIN with FIN and status OK", async () => {
    const big = Buffer.alloc(DATA_CHUNK * 2 + 100, "b");
    const root = context({ "sub/big.bin": big.toString(), "sub/small.txt": "small", "a, b.txt": "comma", "other.txt": "not asked for" });
    const { client, failures } = await session(root);
    // Two include patterns as two metadata entries, one with ", " in it: they must stay two patterns.
    const c = call(client, "/moby.filesync.v1.FileSync/DiffCopy", { "dir-name": "context", "include-patterns": ["a, b.txt", "sub"] });
    const sent = await stats(c);
    expect(sent).toEqual(["a, b.txt", "sub", "sub/big.bin", "sub/small.txt"]);
    c.send({ type: PacketType.REQ, id: sent.indexOf("sub/big.bin") });
    c.send({ type: PacketType.REQ, id: sent.indexOf("a, b.txt") });
    const data = new Map<number, Buffer[]>();
    const ended = new Set<number>();
    while (ended.size < 2) {
      const p = await c.next();
      expect(p?.type).toBe(PacketType.DATA);
      if (!p) return;
      if (p.data.length === 0) ended.add(p.id);
      else {
        expect(p.data.length).toBeLessThanOrEqual(DATA_CHUNK);
        data.set(p.id, [...(data.get(p.id) ?? []), Buffer.from(p.data)]);
      }
    }
    expect(Buffer.concat(data.get(sent.indexOf("sub/big.bin"))!).equals(big)).toBe(true);
    expect(Buffer.concat(data.get(sent.indexOf("a, b.txt"))!).toString()).toBe("comma");
    c.send({ type: PacketType.FIN });
    expect((await c.next())?.type).toBe(PacketType.FIN);
    c.end();
    expect((await c.trailers)["grpc-status"]).toBe(String(Status.OK));
    expect(failures).toEqual([]);
  });

  it("ends with an ERR naming a file that disappeared before the engine asked for it", async () => {
    const root = context({ "keep.txt": "k", "gone.txt": "g" });
    const { client, failures } = await session(root);
    const c = call(client, "/moby.filesync.v1.FileSync/DiffCopy", { "dir-name": "context" });
    const sent = await stats(c);
    unlinkSync(join(root, "gone.txt"));
    c.send({ type: PacketType.REQ, id: sent.indexOf("gone.txt") });
    const p = await c.next();
    expect(p?.type).toBe(PacketType.ERR);
    expect(Buffer.from(p!.data).toString()).toBe("cannot send gone.txt: it disappeared while the build read it");
    c.end();
    expect((await c.trailers)["grpc-status"]).not.toBe(String(Status.OK));
    expect(failures).toEqual(["cannot send gone.txt: it disappeared while the build read it"]);
  });

  it("refuses a directory it does not serve, and a method it does not know, with a gRPC status", async () => {
    const { client } = await session(context({ "a.txt": "a" }));
    const unknownDir = call(client, "/moby.filesync.v1.FileSync/DiffCopy", { "dir-name": "secrets" });
    unknownDir.end();
    expect((await unknownDir.trailers)["grpc-status"]).toBe(String(Status.NOT_FOUND));
    const unknownMethod = call(client, "/moby.sshforward.v1.SSH/CheckAgent", {});
    unknownMethod.end();
    expect((await unknownMethod.trailers)["grpc-status"]).toBe(String(Status.UNIMPLEMENTED));
  });
});
