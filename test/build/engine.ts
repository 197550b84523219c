// The build tests run against a real Docker engine (../shared/engine/start-dockerd.sh starts one).
// Without one they skip with one line; under CI=true they fail instead.
import { it } from "vitest";
import tar from "tar-stream";
import { Engine } from "../../src/build/engine-client.js";
import { resolveEndpoint } from "../../src/build/engine-endpoint.js";

async function connect(): Promise<Engine | null> {
  const where = await resolveEndpoint();
  if (!where.ok) return null;
  const r = await Engine.connect(where.endpoint);
  return r.ok ? r.engine : null;
}

export const engine = await connect();

/** Call at the top of a test file that needs the engine: registers the CI guard and prints the skip note. */
export function needsEngine(what: string): void {
  if (engine) return;
  if (process.env.CI === "true") {
    it(`finds a Docker engine for ${what}`, () => {
      throw new Error("no Docker engine answers; CI must start one with ../shared/engine/start-dockerd.sh");
    });
  } else console.warn(`dflint: no Docker engine answers, skipping ${what} (run ../shared/engine/start-dockerd.sh)`);
}

export interface ImageFile {
  type: string;
  mode: number;
  content: string;
  linkname: string;
}

// Reads every entry of a tar stream, with the contents of small files.
async function entries(stream: NodeJS.ReadableStream, onEntry: (h: tar.Headers, body: Buffer) => Promise<void> | void): Promise<void> {
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, body, next) => {
      const chunks: Buffer[] = [];
      body.on("data", (c: Buffer) => chunks.push(c));
      body.on("end", () => void Promise.resolve(onEntry(header, Buffer.concat(chunks))).then(() => next(), reject));
    });
    extract.on("finish", resolve);
    extract.on("error", reject);
  });
  stream.pipe(extract);
  await done;
}

/** The files of an image's layers, merged (exported with GET /images/{id}/get: no container is run). */
export async function imageFiles(id: string): Promise<Map<string, ImageFile>> {
  const r = await engine!.request({ method: "GET", path: `/images/${encodeURIComponent(id)}/get` });
  if (!r.ok || r.status !== 200) throw new Error(`cannot export ${id}`);
  const blobs = new Map<string, Buffer>();
  let manifest: Array<{ Layers: string[] }> = [];
  await entries(r.response, (h, body) => {
    if (h.name === "manifest.json") manifest = JSON.parse(body.toString()) as typeof manifest;
    else if (h.type === "file") blobs.set(h.name, body);
  });
  const files = new Map<string, ImageFile>();
  for (const layer of manifest[0]?.Layers ?? []) {
    const { Readable } = await import("node:stream");
    await entries(Readable.from([blobs.get(layer)!]), (h, body) => {
      const name = h.name.replace(/\/$/, "");
      files.set(name, { type: h.type ?? "file", mode: h.mode ?? 0, content: body.toString(), linkname: h.linkname ?? "" });
    });
  }
  return files;
}

/** Removes tags made by a test. */
export async function removeImages(tags: readonly string[]): Promise<void> {
  for (const t of tags) await engine?.json("DELETE", `/images/${encodeURIComponent(t)}`, { force: "1" });
}
