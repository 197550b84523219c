// The npm package as a user gets it: `npm pack`, then `npm install` of the tarball into an empty
// directory, then the installed `dflint` command and `import ... from "dflint"` in a script.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../src/lint/registry.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(root + "package.json", "utf8")) as { version: string; exports: Record<string, Record<string, string>> };

const temp = mkdtempSync(join(tmpdir(), "dflint-package-"));
const app = join(temp, "app");
const installed = join(app, "node_modules", "dflint");
let files: string[] = [];

function run(command: string, args: string[], options: SpawnSyncOptions & { input?: string } = {}) {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 240_000, ...options });
  return { code: r.status, out: String(r.stdout ?? ""), err: String(r.stderr ?? "") + (r.error ? String(r.error) : "") };
}

beforeAll(() => {
  // npm test builds dist/ before vitest runs; packing it as it is (--ignore-scripts) saves a second build.
  if (!existsSync(root + "dist/cli/dflint.cjs")) throw new Error("dist/ is not built: run npm run build first");
  const packed = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", temp], { cwd: root });
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.err}`);
  const [info] = JSON.parse(packed.out) as [{ filename: string; files: { path: string }[] }];
  files = info.files.map((f) => f.path);

  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  // The runtime dependencies come from npm's cache when it has them.
  const install = run("npm", ["install", join(temp, info.filename), "--prefer-offline", "--no-audit", "--no-fund"], { cwd: app });
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.err}`);
}, 300_000);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("npm pack", () => {
  it("holds the CLI, the library with its types, and the rule docs, and nothing else", () => {
    const shipped = /^(package\.json|README\.md|LICENSE|bin\/(dflint\.js|package\.json)|dist\/cli\/(dflint\.cjs|code-cache-(cli|lsp)\.bin)|dist\/(src|grammar)\/[\w/.-]+\.(js|d\.ts)|docs\/rules\/[\w-]+\.md)$/;
    expect(files.filter((f) => !shipped.test(f))).toEqual([]);
    for (const left of [/^test\//, /^fixtures\//, /^bench\//, /^scripts\//, /^grammar\//, /^src\//, /^dist\/src\/(cli|lsp)\//, /\.test\./]) {
      expect(files.filter((f) => left.test(f)), `${left} is not for users`).toEqual([]);
    }
    for (const needed of ["bin/dflint.js", "bin/package.json", "dist/cli/dflint.cjs", "dist/src/index.js", "dist/src/index.d.ts", "docs/rules/README.md", ...RULES.map((r) => `docs/rules/${r.code}.md`)]) {
      expect(files).toContain(needed);
    }
    for (const target of Object.values(pkg.exports["."]!)) expect(files).toContain(posix.normalize(target));
  });

  it("holds every module its JavaScript imports by relative path", () => {
    const shippedSet = new Set(files);
    const missing: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".js"))) {
      const text = readFileSync(join(installed, file), "utf8");
      for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g)) {
        const target = posix.join(posix.dirname(file), m[1]!);
        if (!shippedSet.has(target)) missing.push(`${file} → ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the installed package", () => {
  const dflint = (args: string[], input?: string) => run(join(app, "node_modules", ".bin", "dflint"), args, { cwd: app, input: input ?? "" });

  it("prints its version", () => {
    expect(dflint(["--version"])).toEqual({ code: 0, out: pkg.version + "\n", err: "" });
  });

  it("lints a file: findings and exit 1 for a bad one, silence and exit 0 for a good one", () => {
    writeFileSync(join(app, "Dockerfile"), "FROM debian\nCMD [\"bash\"]\n");
    expect(dflint(["Dockerfile"])).toEqual({ code: 1, out: expect.stringContaining("Dockerfile:1:6: warning DL3006 Image 'debian' has no tag"), err: "" });
    writeFileSync(join(app, "Dockerfile"), "FROM debian:12.5\nCMD [\"bash\"]\n");
    expect(dflint(["Dockerfile"])).toEqual({ code: 0, out: "", err: "" });
  });

  it("points dflint rules CODE to the rule's page in the package", () => {
    const r = dflint(["rules", "DL3006"]);
    expect(r.code).toBe(0);
    const page = /^More: (.+)$/m.exec(r.out)?.[1];
    expect(page).toBe(join(installed, "docs", "rules", "DL3006.md"));
    expect(readFileSync(page!, "utf8")).toContain("# DL3006 image-untagged");
  });

  it("is a library a script imports by its name, and only through its exports map", () => {
    writeFileSync(
      join(app, "use.mjs"),
      `import { lint, parse, findRule, RULES } from "dflint";
const text = "FROM debian\\nRUN apt-get install curl\\n";
const codes = lint(text).findings.map((f) => f.code);
let deep;
try { await import("dflint/dist/src/lint/engine.js"); deep = "imported"; } catch (e) { deep = e.code; }
// What only a build needs (the engine's transport, with ssh2 behind it) is not loaded by a lint.
const { createRequire } = await import("node:module");
const heavy = Object.keys(createRequire(import.meta.url).cache).filter((k) => /node_modules[/](ssh2|docker-modem|tar-stream|protobufjs)[/]/.test(k));
console.log(JSON.stringify({ codes, instructions: parse(text).tree.instructions.length, rule: findRule("image-untagged")?.code, rules: RULES.length, deep, heavy }));
`,
    );
    const r = run(process.execPath, ["use.mjs"], { cwd: app });
    expect(r.err).toBe("");
    const out = JSON.parse(r.out);
    expect(out.codes).toEqual(expect.arrayContaining(["DL3006", "DL3014", "DL3008"]));
    expect(out).toMatchObject({ instructions: 2, rule: "DL3006", rules: RULES.length, deep: "ERR_PACKAGE_PATH_NOT_EXPORTED", heavy: [] });
  });

  it("gives TypeScript its types through the exports map", () => {
    mkdirSync(join(app, "ts"));
    writeFileSync(
      join(app, "ts", "use.ts"),
      `import { lint, type Finding, type LintResult } from "dflint";
const result: LintResult = lint("FROM debian\\n");
const first: Finding | undefined = result.findings[0];
const line: number | undefined = first?.range.start.line;
// @ts-expect-error: lint takes the text, not a number
lint(42);
export { line };
`,
    );
    // A Node project's usual settings: Node's types at hand (here, the project's own) and libraries'
    // declarations taken as they are (skipLibCheck). The @ts-expect-error above fails if lint were untyped.
    const compilerOptions = { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: true, typeRoots: [join(root, "node_modules", "@types")], types: ["node"] };
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["ts"] }));
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const r = run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app });
    expect(r.out + r.err).toBe("");
    expect(r.code).toBe(0);
  });
});
