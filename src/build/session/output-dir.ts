// The receiving side of fsutil's packet protocol (fsutil receive.go), for `--output type=local`: the
// daemon sends a STAT for every entry of the result (the Nth STAT is file ID N) and an empty STAT;
// dflint creates directories, symlinks and hard links as they come, asks for each regular file's
// content with REQ and writes the DATA chunks that follow (an empty DATA ends a file); when every
// file is written it sends FIN, and the daemon answers FIN. Files are merged into the destination, as
// the CLI merges them: what is there and not in the result stays.
//
// The daemon's paths are checked before anything is written: relative, without `.` or `..`, and never
// through a symlink, whether the result made it or it was in the destination before (an entry that
// replaces a symlink removes the link itself), so a result can only write inside the destination. Owners are the user's (the CLI resets them too); devices, pipes and
// sockets are skipped with a note, since creating them takes privileges a build's user rarely has.
import { closeSync, lstatSync, lutimesSync, mkdirSync, openSync, rmSync, symlinkSync, linkSync, utimesSync, writeSync, chmodSync, constants } from "node:fs";
import { join } from "node:path";
import { ioReason } from "../io-reason.js";
import { canRequestData, MODE_DIR, MODE_SYMLINK, unixPermissions } from "./file-stat.js";
import { GrpcError, Status, type GrpcCall } from "./grpc-server.js";
import { decodePacket, encodePacket, PacketType, type StatMessage } from "./session-protos.js";

const seconds = (ns: bigint) => Number(ns) / 1e9;

/** A relative `/`-separated path without empty, `.` or `..` segments, or null. */
function cleanPath(path: string): string | null {
  if (path === "" || path.startsWith("/")) return null;
  return path.split("/").every((s) => s !== "" && s !== "." && s !== "..") ? path : null;
}

interface OpenFile {
  path: string;
  stat: StatMessage;
  fd: number | null;
  bytes: number;
}

/** Receives the result of a build into `dest`; resolves when the transfer is done, or to the error that ended it. */
export async function receiveIntoDir(call: GrpcCall, dest: string, onNote: (message: string) => void, onWritten: (bytes: number) => void): Promise<GrpcError | void> {
  const requested = new Map<number, OpenFile>();
  const directories: StatMessage[] = [];
  // Directories known to be real directories inside dest (not symlinks), by relative path.
  const safeDirs = new Set<string>([""]);
  let nextId = 0;
  let statsEnded = false;
  let finSent = false;

  const fail = async (message: string): Promise<GrpcError> => {
    await call.send(encodePacket({ type: PacketType.ERR, data: Buffer.from(message) })).catch(() => {});
    return new GrpcError(Status.UNKNOWN, message);
  };

  /** Makes sure every parent of `path` is a directory of dest's own, creating missing ones; why not, or null. */
  const checkParents = (path: string): string | null => {
    const segments = path.split("/");
    let at = "";
    for (let i = 0; i < segments.length - 1; i++) {
      at = at ? `${at}/${segments[i]}` : segments[i]!;
      if (safeDirs.has(at)) continue;
      const absolute = join(dest, at);
      let st;
      try {
        st = lstatSync(absolute);
      } catch {
        mkdirSync(absolute, { mode: 0o755 });
        safeDirs.add(at);
        continue;
      }
      if (st.isSymbolicLink()) return `refusing to write ${path} through the symlink ${at}`;
      if (!st.isDirectory()) return `cannot write ${path}: ${at} is not a directory in ${dest}`;
      safeDirs.add(at);
    }
    return null;
  };

  /** Removes what is at `absolute` unless it is a directory, so a new entry replaces it and no link is followed. */
  const clear = (absolute: string) => {
    try {
      if (!lstatSync(absolute).isDirectory()) rmSync(absolute, { force: true });
    } catch {
      // nothing there
    }
  };

  const finish = (file: OpenFile) => {
    const absolute = join(dest, file.path);
    if (file.fd !== null) closeSync(file.fd);
    chmodSync(absolute, unixPermissions(file.stat.mode));
    utimesSync(absolute, seconds(file.stat.modTime), seconds(file.stat.modTime));
    onWritten(file.bytes);
  };

  const finIfDone = async () => {
    if (!statsEnded || requested.size > 0 || finSent) return;
    finSent = true;
    // Directories last, deepest first: writing into a directory changes its time.
    for (const d of directories.reverse()) {
      const absolute = join(dest, d.path);
      chmodSync(absolute, unixPermissions(d.mode));
      utimesSync(absolute, seconds(d.modTime), seconds(d.modTime));
    }
    await call.send(encodePacket({ type: PacketType.FIN }));
  };

  const onStat = async (stat: StatMessage): Promise<string | null> => {
    const id = nextId++;
    const path = cleanPath(stat.path);
    if (path === null) return `the engine sent the path '${stat.path}', which is not inside the destination`;
    const problem = checkParents(path);
    if (problem) return problem;
    const absolute = join(dest, path);
    if (stat.mode & MODE_DIR) {
      let st;
      try {
        st = lstatSync(absolute);
      } catch {
        mkdirSync(absolute, { mode: 0o700 });
      }
      // What is there and not a directory (a symlink too: it is replaced, never followed) gives way.
      if (st && !st.isDirectory()) {
        rmSync(absolute, { force: true });
        mkdirSync(absolute, { mode: 0o700 });
      }
      safeDirs.add(path);
      directories.push(stat);
      return null;
    }
    if (stat.mode & MODE_SYMLINK) {
      clear(absolute);
      symlinkSync(stat.linkname, absolute);
      lutimesSync(absolute, seconds(stat.modTime), seconds(stat.modTime));
      return null;
    }
    if (!canRequestData(stat.mode)) {
      onNote(`${path} in the build's output is a device, pipe or socket; it is not written`);
      return null;
    }
    if (stat.linkname) {
      // A hard link to a file the result sent before.
      const target = cleanPath(stat.linkname);
      if (target === null) return `the engine sent a hard link to '${stat.linkname}', which is not inside the destination`;
      const through = checkParents(target);
      if (through) return through;
      clear(absolute);
      linkSync(join(dest, target), absolute);
      return null;
    }
    // Created now, written when its data comes: a hard link later in the walk may name it before that.
    clear(absolute);
    closeSync(openSync(absolute, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600));
    requested.set(id, { path, stat, fd: null, bytes: 0 });
    await call.send(encodePacket({ type: PacketType.REQ, id }));
    return null;
  };

  try {
    for await (const m of call.messages) {
      if (m instanceof Error) return new GrpcError(Status.CANCELLED, m.message);
      const p = decodePacket(m);
      if (!p) return await fail("the engine sent a packet dflint cannot read");
      switch (p.type) {
        case PacketType.STAT: {
          if (!p.stat) {
            statsEnded = true;
            await finIfDone();
            break;
          }
          const problem = await onStat(p.stat);
          if (problem) return await fail(problem);
          break;
        }
        case PacketType.DATA: {
          const file = requested.get(p.id);
          if (!file) return await fail(`the engine sent data for file ${p.id}, which was not asked for`);
          if (p.data.length === 0) {
            requested.delete(p.id);
            finish(file);
            await finIfDone();
            break;
          }
          file.fd ??= openSync(join(dest, file.path), constants.O_WRONLY | constants.O_NOFOLLOW);
          writeSync(file.fd, p.data);
          file.bytes += p.data.length;
          break;
        }
        case PacketType.ERR:
          return new GrpcError(Status.UNKNOWN, `the engine could not send the output: ${Buffer.from(p.data).toString("utf8")}`);
        case PacketType.FIN:
          // The daemon's answer to ours: the transfer is over.
          return;
      }
    }
  } catch (e) {
    return await fail(`cannot write the output to ${dest}: ${ioReason(e)}`);
  } finally {
    for (const file of requested.values()) if (file.fd !== null) closeSync(file.fd);
  }
  if (!finSent) return new GrpcError(Status.CANCELLED, "the engine ended the output before it was complete");
}
