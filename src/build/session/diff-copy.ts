// moby.filesync.v1.FileSync/DiffCopy, the sending side of fsutil's packet protocol (fsutil send.go):
// a STAT for every entry in walk order (the Nth STAT is file ID N), then an empty STAT; meanwhile the
// daemon sends REQ for the IDs whose content it lacks (its cache of earlier syncs holds the rest) and
// each is answered with DATA chunks of at most 32 KiB and an empty DATA, four files at a time; the
// daemon's FIN is answered with FIN. The request's metadata names the directory (`dir-name`) and
// narrows the walk (include-patterns, exclude-patterns, followpaths; URL-encoded when `<key>-encoded`
// says so). A failure is sent as an ERR packet naming the file, and reported to the build.
import { canRequestData } from "./file-stat.js";
import { GrpcError, Status, type GrpcCall, type Handler } from "./grpc-server.js";
import { walkPackets } from "./packet-walker.js";
import { decodePacket, encodePacket, PacketType } from "./session-protos.js";
import type { SyncTree } from "./sync-tree.js";

/** fsutil's buffer size: each DATA packet holds at most this much. */
export const DATA_CHUNK = 32 * 1024;
const SENDERS = 4;

export interface SyncedDir {
  tree: SyncTree;
  /**
   * dflint's own exclude patterns; they replace the daemon's unless it sends `override-excludes`, as
   * the docker CLI's SyncedDir.Excludes do (so `<Dockerfile>.dockerignore` applies on an engine whose
   * frontend reads only `.dockerignore`). null: the daemon's patterns apply.
   */
  excludes: readonly string[] | null;
}

export interface DiffCopyHooks {
  lookupDir(name: string): SyncedDir | null;
  onNote(message: string): void;
  /** A failure that ends the build, naming the file. */
  onFailure(message: string): void;
  onFileSent(bytes: number): void;
}

const TRUE = new Set(["1", "t", "T", "true", "TRUE", "True"]);

/** The request's options, decoded as BuildKit's decodeOpts decodes them (url.QueryUnescape). */
export function requestOptions(metadata: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, values] of metadata) {
    const encoded = TRUE.has(metadata.get(key + "-encoded")?.[0] ?? "");
    out.set(
      key,
      values.map((v) => {
        if (!encoded) return v;
        try {
          return decodeURIComponent(v.replace(/\+/g, " "));
        } catch {
          return v;
        }
      }),
    );
  }
  return out;
}

interface Request {
  id: number;
  path: string;
  size: number;
}

// A queue of requested files that the senders wait on. The daemon asks for a whole context's files
// at once (20,000 in the benchmark): they are taken from the front by an index, as Array#shift on a
// queue that long moved the rest at every call (a twentieth of a transfer's time).
class RequestQueue {
  private items: Request[] = [];
  private head = 0;
  private waiters: Array<() => void> = [];
  private closed = false;
  push(item: Request) {
    this.items.push(item);
    this.waiters.shift()?.();
  }
  close() {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w();
  }
  async next(): Promise<Request | null> {
    for (;;) {
      if (this.head < this.items.length) {
        const item = this.items[this.head++]!;
        // The taken part is dropped once it is most of the array.
        if (this.head > 1024 && this.head * 2 > this.items.length) {
          this.items = this.items.slice(this.head);
          this.head = 0;
        }
        return item;
      }
      if (this.closed) return null;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
}

/** The DiffCopy handler. */
export function diffCopy(hooks: DiffCopyHooks): Handler {
  return async (call: GrpcCall) => {
    const options = requestOptions(call.metadata);
    const dirName = options.get("dir-name")?.[0] ?? "";
    const dir = hooks.lookupDir(dirName);
    if (!dir) return new GrpcError(Status.NOT_FOUND, `no access allowed to dir "${dirName}"`);
    let excludes = options.get("exclude-patterns") ?? [];
    if (dir.excludes && !TRUE.has(options.get("override-excludes")?.[0] ?? "")) excludes = [...dir.excludes];

    const queue = new RequestQueue();
    call.signal.addEventListener("abort", () => queue.close(), { once: true });
    let failure: string | null = null;
    const fail = async (message: string) => {
      if (failure !== null) return;
      failure = message;
      hooks.onFailure(message);
      queue.close();
      await call.send(encodePacket({ type: PacketType.ERR, data: Buffer.from(message) })).catch(() => {});
    };

    const walker = await walkPackets(dir.tree, { includePatterns: options.get("include-patterns"), excludePatterns: excludes, followPaths: options.get("followpaths") });
    if (!walker.ok) {
      await fail(walker.error);
      return new GrpcError(Status.INVALID_ARGUMENT, walker.error);
    }
    const files = new Map<number, { path: string; size: number }>();

    const walking = (async () => {
      let id = 0;
      try {
        for await (const item of walker.items) {
          if (failure !== null || call.signal.aborted) return;
          if (item.kind === "error") return await fail(`cannot send ${item.path}: ${item.message}`);
          if (item.kind === "skipped") {
            hooks.onNote(`${item.path} is ${item.why}; it is not sent (docker cannot send it either)`);
            continue;
          }
          if (canRequestData(item.stat.mode)) files.set(id, { path: item.stat.path, size: item.stat.size });
          id++;
          await call.send(encodePacket({ type: PacketType.STAT, stat: item.stat }));
        }
        await call.send(encodePacket({ type: PacketType.STAT }));
      } catch {
        // the call was closed under the walk: `receiving` or the signal says why
      } finally {
        await walker.items.return(undefined);
      }
    })();

    const sending = Array.from({ length: SENDERS }, async () => {
      for (let r = await queue.next(); r; r = await queue.next()) {
        let bytes = 0;
        try {
          for await (const chunk of dir.tree.read(r.path, DATA_CHUNK, r.size)) {
            if (failure !== null || call.signal.aborted) return;
            bytes += chunk.length;
            await call.send(encodePacket({ type: PacketType.DATA, id: r.id, data: chunk }));
          }
          await call.send(encodePacket({ type: PacketType.DATA, id: r.id }));
          hooks.onFileSent(bytes);
        } catch (e) {
          if (call.signal.aborted) return;
          const code = (e as NodeJS.ErrnoException).code;
          const why = code === "ENOENT" ? "it disappeared while the build read it" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EISDIR" ? "it became a directory while the build read it" : (e as Error).message;
          return await fail(`cannot send ${r.path}: ${why}`);
        }
      }
    });

    let finished = false;
    try {
      for await (const m of call.messages) {
        if (m instanceof Error) {
          await fail(m.message);
          break;
        }
        const p = decodePacket(m);
        if (!p) {
          await fail("the engine sent a packet dflint cannot read");
          break;
        }
        if (p.type === PacketType.REQ) {
          const file = files.get(p.id);
          if (file === undefined) {
            await fail(`the engine asked for file ${p.id}, which was not offered`);
            break;
          }
          files.delete(p.id);
          queue.push({ id: p.id, ...file });
        } else if (p.type === PacketType.FIN) {
          queue.close();
          await Promise.all([walking, ...sending]);
          if (failure === null) await call.send(encodePacket({ type: PacketType.FIN }));
          finished = true;
          break;
        } else if (p.type === PacketType.ERR) {
          // The daemon could not write what it received; its own error reaches the build stream.
          failure = `the engine stopped the transfer: ${Buffer.from(p.data).toString("utf8")}`;
          break;
        }
      }
    } catch {
      // the connection went; the signal is aborted
    }
    queue.close();
    await Promise.all([walking, ...sending]);
    if (failure !== null) return new GrpcError(Status.UNKNOWN, failure);
    if (!finished) return new GrpcError(Status.CANCELLED, "the engine ended the transfer before it finished");
  };
}
