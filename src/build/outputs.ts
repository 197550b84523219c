// Where a BuildKit build's result goes instead of an image: `--output` (`-o`), as docker build reads it.
// `type=local,dest=DIR` writes the result's files into DIR; `type=tar,dest=FILE` writes them as one tar
// (`dest=-`: standard output). Shorthand: `-o DIR` is local, `-o -` is a tar on standard output. The
// daemon sends the files through the session's FileSend (session/file-send.ts); the request names only
// the exporter, since `dest` is the client's business (the CLI deletes it from the attributes it sends).
import { resolve } from "node:path";
import type { Writable } from "node:stream";

export type BuildOutput = { type: "local"; dest: string } | { type: "tar"; dest: string | Writable };

/** The `outputs` query parameter of POST /build for an output. */
export function outputsParameter(output: BuildOutput): string {
  return JSON.stringify([{ Type: output.type, Attrs: {} }]);
}

/** docker build's `--output` value, with paths relative to `cwd`; `-` (standard output) is kept as "-". */
export function parseOutput(value: string, cwd: string): { ok: true; value: { type: "local" | "tar"; dest: string } } | { ok: false; error: string } {
  if (!value.includes("=")) {
    if (value === "") return { ok: false, error: "--output needs a destination: a directory, - or type=local|tar,dest=PATH" };
    return { ok: true, value: value === "-" ? { type: "tar", dest: "-" } : { type: "local", dest: resolve(cwd, value) } };
  }
  const fields = new Map<string, string>();
  for (const part of value.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return { ok: false, error: `--output takes type=local|tar,dest=PATH, not '${value}'` };
    fields.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1));
  }
  const type = fields.get("type") ?? "local";
  if (type !== "local" && type !== "tar") return { ok: false, error: `--output type ${type} is not supported: local or tar (an image is what a build without --output makes)` };
  for (const key of fields.keys()) if (key !== "type" && key !== "dest") return { ok: false, error: `--output ${type} has no attribute '${key}' (type, dest)` };
  const dest = fields.get("dest");
  if (!dest) return { ok: false, error: `--output type=${type} needs dest=${type === "local" ? "DIR" : "FILE (or - for standard output)"}` };
  if (type === "local" && dest === "-") return { ok: false, error: "--output type=local needs a directory; a tar goes to standard output with type=tar,dest=-" };
  return { ok: true, value: { type, dest: dest === "-" ? "-" : resolve(cwd, dest) } };
}
