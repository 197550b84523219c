// A tar read back into its entries, for the tests that check what dflint sends or receives as one.
import tar from "tar-stream";

export interface TarEntry {
  header: tar.Headers;
  body: Buffer;
}

/** The entries of a tar given whole or as a stream, in order. */
export async function readTar(input: NodeJS.ReadableStream | Buffer): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on("entry", (header, body, next) => {
      const chunks: Buffer[] = [];
      body.on("data", (c: Buffer) => chunks.push(c));
      body.on("end", () => {
        out.push({ header, body: Buffer.concat(chunks) });
        next();
      });
    });
    extract.on("finish", resolve);
    extract.on("error", reject);
  });
  if (Buffer.isBuffer(input)) extract.end(input);
  else input.pipe(extract);
  await done;
  return out;
}
