// CopyIgnoredFile's .dockerignore reader and matcher (src/model/dockerignore.ts, shared with the
// builder) against ../shared/conformance/dockerignore: upstream Go test vectors (cases.json), edge
// cases observed on a real engine (observed.json) and the reader's vector (readall.json). The matcher
// answers what patternmatcher's MatchesOrParentMatches answers; where the engine's result differs, the
// difference must be the context packer's, as the data's README describes.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { cleanPath, compileDockerignore, isExcludedByDockerignore, readDockerignore, type IgnoreMatcher } from "../../src/model/dockerignore.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

needsShared("the .dockerignore conformance tests");

interface Vector {
  patterns: string[];
  path: string;
  excluded: boolean;
  level: "matcher" | "context";
  source: string;
  function?: string;
  error?: string;
  /** The file's text; null when the context has none. */
  dockerignore?: string | null;
  /** `-f` given to docker build; `-` reads the Dockerfile from standard input. */
  dockerfile?: string;
  /** observed.json: what MatchesOrParentMatches says, where the engine's result may differ. */
  matcher_says?: boolean;
  note?: string;
}

const load = <T,>(name: string): T => JSON.parse(readFileSync(shared(`conformance/dockerignore/${name}`), "utf8")) as T;
const cases = hasShared ? load<Vector[]>("cases.json") : [];
const observed = hasShared ? load<Vector[]>("observed.json") : [];
const readall = hasShared ? load<Array<{ input: string; patterns: string[]; source: string }>>("readall.json") : [];
const label = (v: Vector) => `${v.source}: ${JSON.stringify(v.patterns)} ${v.path}`;

// With `-f -` the CLI adds its own lines before sending: the name of the Dockerfile it writes into the
// context, and `.dockerignore` when the context had no such file. The daemon matches with those.
function patternsSent(v: Vector): string[] {
  if (v.dockerfile !== "-") return v.patterns;
  return [...(v.dockerignore === null ? [".dockerignore"] : v.patterns), ".dockerfile.0123456789abcdef"];
}

describe(".dockerignore conformance (needs ../shared)", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the conformance vectors, is not beside this clone"));
  it("has the vectors the README lists", () => {
    expect([cases.length, observed.length, readall.length]).toEqual([236, 76, 1]);
  });

  it("reads a .dockerignore file into its pattern list", () => {
    for (const v of readall) expect(readDockerignore(v.input), v.source).toEqual(v.patterns);
    const withFile = [...cases, ...observed].filter((v) => typeof v.dockerignore === "string");
    expect(withFile.length).toBeGreaterThan(100);
    for (const v of withFile) expect(readDockerignore(v.dockerignore!), label(v)).toEqual(v.patterns);
  });

  it("matches as patternmatcher does: every upstream vector", () => {
    for (const v of cases) {
      const patterns = patternsSent(v);
      if (v.error) {
        const matcher = compileDockerignore(patterns);
        expect(matcher === null || matcher.excludes(cleanPath(v.path)) === "error", label(v)).toBe(true);
      } else {
        expect(isExcludedByDockerignore(patterns, v.path), label(v)).toBe(v.excluded);
      }
    }
  });

  it("matches as patternmatcher does: every engine observation", () => {
    for (const v of observed) expect(isExcludedByDockerignore(v.patterns, v.path), label(v)).toBe(v.matcher_says);
  });

  // The packer skips an excluded directory whole, unless an exception pattern starts with `dir/`; a
  // file brought back below it makes the directory appear. Those are the only differences observed.
  it("leaves to the context packer only what the README says it does", () => {
    const prunes = (m: IgnoreMatcher, dir: string) => m.excludes(dir) === true && !m.patterns.some((p) => p.isException && (p.text + "/").startsWith(dir + "/"));
    const differing = observed.filter((v) => v.excluded !== v.matcher_says);
    expect(differing.length).toBeGreaterThan(0);
    for (const v of differing) {
      const m = compileDockerignore(v.patterns)!;
      const parts = v.path.split("/");
      const ancestors = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("/"));
      if (v.excluded) expect(ancestors.some((dir) => prunes(m, dir)), label(v)).toBe(true);
      else expect(prunes(m, v.path), label(v)).toBe(false);
    }
  });
});
