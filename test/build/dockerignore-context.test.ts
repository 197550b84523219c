// The context-level .dockerignore vectors (upstream tests and engine observations in
// ../shared/conformance/dockerignore): the files of each scenario are packed as dflint build packs
// them, then the legacy daemon's one step of its own is applied (it deletes the Dockerfile and
// .dockerignore when the sent .dockerignore lists them), and what remains is what COPY . would see.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { planContext } from "../../src/build/context-plan.js";
import { walkContext } from "../../src/build/context-walk.js";
import { isExcludedByDockerignore, readDockerignore } from "../../src/model/dockerignore.js";
import { hasShared, needsShared, shared } from "../shared-data.js";

interface Vector {
  dockerignore: string | null;
  dockerfile?: string;
  path: string;
  excluded: boolean;
  level: string;
  note?: string;
}

needsShared("the .dockerignore context vectors");

const scratch = mkdtempSync(join(tmpdir(), "dflint-ignore-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What COPY . sees for one scenario, or the planning error. */
async function seen(dockerignore: string | null, dockerfile: string | undefined, paths: readonly string[], n: number): Promise<Set<string> | { error: string }> {
  const root = join(scratch, String(n));
  mkdirSync(root);
  const isDir = (p: string) => paths.some((q) => q.startsWith(p + "/"));
  for (const p of [...paths, "Dockerfile", ...(dockerfile && dockerfile !== "-" ? [dockerfile] : [])]) {
    if (p === "." || p === ".dockerignore") continue;
    if (isDir(p)) mkdirSync(join(root, p), { recursive: true });
    else {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), "FROM scratch\nCOPY . /\n");
    }
  }
  if (dockerignore !== null) writeFileSync(join(root, ".dockerignore"), dockerignore);
  const planned = await planContext({
    context: root,
    dockerfile: dockerfile === "-" ? { kind: "text", text: Buffer.from("FROM scratch\n") } : dockerfile ? { kind: "path", path: join(root, dockerfile) } : { kind: "default" },
  });
  if (!planned.ok) return { error: planned.error };
  const { plan } = planned;
  const sent = new Map<string, string | null>();
  for await (const item of walkContext(plan.root, plan.walk)) {
    if (item.kind === "entry" && !plan.pack.replaced?.has(item.entry.path)) {
      sent.set(item.entry.path, item.entry.type === "file" ? readFileSync(item.entry.absolute, "utf8") : null);
    }
  }
  for (const extra of plan.pack.extras ?? []) sent.set(extra.path, Buffer.from(extra.content).toString("utf8"));
  // The daemon's step: the sent .dockerignore removes the Dockerfile and itself when it lists them.
  const ignoreText = sent.get(".dockerignore");
  if (typeof ignoreText === "string") {
    const patterns = readDockerignore(ignoreText);
    for (const p of [".dockerignore", plan.dockerfileName]) if (isExcludedByDockerignore(patterns, p) === true) sent.delete(p);
  }
  const present = new Set<string>();
  for (const p of sent.keys()) {
    const parts = p.split("/");
    for (let i = 1; i <= parts.length; i++) present.add(parts.slice(0, i).join("/")); // parents exist implicitly
  }
  return present;
}

describe("the .dockerignore context vectors (needs ../shared)", () => {
  beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds the conformance vectors, is not beside this clone"));
  const load = (file: string) => (JSON.parse(readFileSync(shared(`conformance/dockerignore/${file}`), "utf8")) as Vector[]).filter((v) => v.level === "context");
  const keyOf = (v: Vector) => JSON.stringify([v.dockerignore, v.dockerfile ?? null]);
  // A scenario's files are every path either file names for it: the engine observations reuse
  // upstream scenarios and list only some of their files.
  const allPaths = new Map<string, Set<string>>();
  for (const file of ["cases.json", "observed.json"]) for (const v of load(file)) allPaths.set(keyOf(v), (allPaths.get(keyOf(v)) ?? new Set()).add(v.path));
  for (const file of ["cases.json", "observed.json"]) {
    it(`${file}: every path is sent or left out as docker does`, async () => {
      const vectors = load(file);
      const scenarios = new Map<string, Vector[]>();
      for (const v of vectors) scenarios.set(keyOf(v), [...(scenarios.get(keyOf(v)) ?? []), v]);
      const wrong: string[] = [];
      let n = file.length * 1000;
      for (const group of scenarios.values()) {
        const { dockerignore, dockerfile } = group[0]!;
        const result = await seen(dockerignore, dockerfile, [...allPaths.get(keyOf(group[0]!))!], n++);
        for (const v of group) {
          if ("error" in result) {
            // The one scenario whose build fails (a lone `!`) sends nothing at all.
            if (!/fails/.test(v.note ?? "")) wrong.push(`${JSON.stringify(dockerignore)} ${v.path}: ${result.error}`);
            continue;
          }
          if (v.path === ".") continue;
          if (result.has(v.path) === v.excluded) wrong.push(`${JSON.stringify(dockerignore)} -f ${dockerfile ?? "Dockerfile"}: ${v.path} should be ${v.excluded ? "left out" : "sent"}`);
        }
      }
      expect(vectors.length).toBeGreaterThan(70);
      expect(wrong).toEqual([]);
    });
  }
});
