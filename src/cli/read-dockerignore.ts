// The build context's ignore patterns, for rules that ask what COPY . sends: BuildKit reads
// `<Dockerfile>.dockerignore` beside the Dockerfile when it exists (it wins), else `.dockerignore` at
// the context's root. Patterns are read as moby's patternmatcher/ignorefile reads them.
import { readFile } from "./fs-async.js";
import { basename, dirname, join, posix } from "node:path";
import { ioReason } from "../build/io-reason.js";

export type DockerignoreResult = { ok: true; patterns: string[]; file: string | null } | { ok: false; error: string };

/**
 * Reads the ignore file that applies to `dockerfile` built with `context`; none found is an empty
 * list. `cache` keeps each context's `.dockerignore` across the files of one run.
 */
export async function readDockerignore(
  context: string,
  dockerfile: string | null,
  cache: Map<string, Promise<DockerignoreResult | null>> = new Map(),
): Promise<DockerignoreResult> {
  if (dockerfile) {
    const own = await readIgnoreFile(join(dirname(dockerfile), basename(dockerfile) + ".dockerignore"));
    if (own) return own;
  }
  const shared = join(context, ".dockerignore");
  let result = cache.get(shared);
  if (!result) {
    result = readIgnoreFile(shared);
    cache.set(shared, result);
  }
  return (await result) ?? { ok: true, patterns: [], file: null };
}

/** One ignore file's patterns, or null when there is no such file. */
async function readIgnoreFile(file: string): Promise<DockerignoreResult | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    return { ok: false, error: `cannot read ${file}: ${ioReason(e)}` };
  }
  return { ok: true, patterns: parseDockerignore(text), file };
}

/**
 * One pattern per line: a line starting with `#` is a comment (only in the first column, as moby
 * reads it), blank lines are dropped, `!` negates, paths are cleaned and made relative.
 */
export function parseDockerignore(text: string): string[] {
  const patterns: string[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const line of lines) {
    if (line.startsWith("#")) continue;
    let pattern = line.trim();
    if (!pattern) continue;
    const invert = pattern.startsWith("!");
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern) {
      pattern = posix.normalize(pattern);
      if (pattern.length > 1 && pattern.endsWith("/")) pattern = pattern.slice(0, -1);
      if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    }
    patterns.push(invert ? "!" + pattern : pattern);
  }
  return patterns;
}
