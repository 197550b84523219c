// dflint's pre-commit hooks (.pre-commit-hooks.yaml) in the real pre-commit framework: a temporary git
// repository with the hooks installed rejects a commit of a bad Dockerfile with dflint's message and
// accepts a good one.
//
// pre-commit installs a `language: node` hook from a git repository by cloning it, `npm install` (which
// builds dflint through `prepare`), `npm pack` (which builds it again) and `npm install -g` of the
// tarball: minutes. The quick tests give pre-commit the hooks exactly as shipped, as a local repository
// whose node environment gets the packed tarball (`additional_dependencies`), so only the clone and the
// build are left out; the clone-and-build path runs under CI=true.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

const root = fileURLToPath(new URL("../../", import.meta.url));
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;
const isCI = process.env.CI === "true";

if (!hasPreCommit) {
  if (isCI) {
    it("finds pre-commit", () => {
      throw new Error("pre-commit is not on PATH; CI must run the pre-commit hook tests (apt-get install pre-commit)");
    });
  } else {
    console.warn("dflint: pre-commit not found, skipping the pre-commit hook tests (apt-get install pre-commit)");
  }
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  types?: string[];
}
const hooks = parseYaml(readFileSync(root + ".pre-commit-hooks.yaml", "utf8")) as Hook[];

const temp = mkdtempSync(join(tmpdir(), "dflint-pre-commit-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// pre-commit's store, git's configuration and npm's cache use stay inside the test: no user hooks or
// settings leak in, and npm answers from its cache where it can.
const gitConfig = join(temp, "gitconfig");
writeFileSync(gitConfig, "[user]\n\tname = dflint test\n\temail = test@dflint.invalid\n[init]\n\tdefaultBranch = main\n");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PRE_COMMIT_HOME: join(temp, "pre-commit-home"),
  GIT_CONFIG_GLOBAL: gitConfig,
  GIT_CONFIG_NOSYSTEM: "1",
  npm_config_prefer_offline: "true",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
  NO_COLOR: "1",
};

function sh(command: string, args: string[], cwd: string) {
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 600_000 });
  return { code: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}${r.error ? String(r.error) : ""}` };
}

function mustRun(command: string, args: string[], cwd: string): string {
  const r = sh(command, args, cwd);
  if (r.code !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${r.out}`);
  return r.out;
}

/** A git repository that uses the given configuration, with pre-commit's hooks installed and their environments made. */
function hookedRepo(name: string, config: unknown): string {
  const dir = join(temp, name);
  mkdirSync(dir);
  mustRun("git", ["init", "-q"], dir);
  // JSON is YAML: the configuration is written as JSON.
  writeFileSync(join(dir, ".pre-commit-config.yaml"), JSON.stringify(config, null, 2));
  mustRun("git", ["add", ".pre-commit-config.yaml"], dir);
  mustRun("git", ["commit", "-q", "--no-verify", "-m", "pre-commit configuration"], dir);
  mustRun("pre-commit", ["install"], dir);
  mustRun("pre-commit", ["install-hooks"], dir);
  return dir;
}

/** Writes the files, stages them, and commits through the hooks. */
function commit(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mustRun("git", ["add", "--", ...Object.keys(files)], dir);
  const r = sh("git", ["commit", "-m", "change"], dir);
  if (r.code !== 0) mustRun("git", ["reset", "-q", "--hard", "HEAD"], dir); // leave the next commit a clean index
  return r;
}

/** dflint fmt's output for a text, from this checkout: what the dflint-fmt hook accepts. */
function formatted(text: string): string {
  const r = spawnSync(process.execPath, [root + "bin/dflint.js", "fmt", "-"], { input: text, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`dflint fmt - failed: ${r.stderr}`);
  return r.stdout;
}

const BAD = "FROM debian\nCMD [\"bash\"]\n"; // DL3006: no tag
const GOOD = formatted('FROM debian:12.5\nCMD ["bash"]\n');
const UNFORMATTED = 'from debian:12.5\ncmd   ["bash"]\n'; // lint-clean, but not as dflint fmt prints it
const BAD_MESSAGE = ":1:6: warning DL3006 Image 'debian' has no tag";

describe("the pre-commit hooks (needs pre-commit)", () => {
  beforeEach((ctx) => ctx.skip(!hasPreCommit, "pre-commit is not on PATH (a system package: .ci/run installs it, and CI fails without it)"));
  it("are dflint (lint) and dflint-fmt (fmt --check), language: node, for Dockerfiles by name", () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language])).toEqual([
      ["dflint", "dflint", "node"],
      ["dflint-fmt", "dflint fmt --check", "node"],
    ]);
    expect(sh("pre-commit", ["validate-manifest", root + ".pre-commit-hooks.yaml"], root)).toMatchObject({ code: 0 });
  });

  describe("installed from the packed tarball", () => {
    let repo = "";
    beforeAll(() => {
      if (!hasPreCommit) return; // the tests are skipped
      // npm test builds dist/ first; pack it as it is, as package.test.ts does.
      const [info] = JSON.parse(mustRun("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", temp], root)) as [{ filename: string }];
      const tarball = join(temp, info.filename);
      repo = hookedRepo("local", { repos: [{ repo: "local", hooks: hooks.map((h) => ({ ...h, additional_dependencies: [tarball] })) }] });
    }, 600_000);

    it("reject a Dockerfile with findings, with dflint's message", () => {
      const r = commit(repo, { Dockerfile: BAD });
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(/^dflint\.+Failed$/m);
      expect(r.out).toContain(`Dockerfile${BAD_MESSAGE}`);
    });

    it("accept a clean, formatted Dockerfile", () => {
      expect(formatted(GOOD)).toBe(GOOD);
      const r = commit(repo, { Dockerfile: GOOD });
      expect(r.out).toMatch(/^dflint\.+Passed$/m);
      expect(r.out).toMatch(/^dflint fmt\.+Passed$/m);
      expect(r.code).toBe(0);
    });

    it("reject a Dockerfile that dflint fmt would change, naming it", () => {
      expect(formatted(UNFORMATTED)).not.toBe(UNFORMATTED);
      const r = commit(repo, { "app/Dockerfile": UNFORMATTED });
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(/^dflint\.+Passed$/m);
      expect(r.out).toMatch(/^dflint fmt\.+Failed$/m);
      expect(r.out).toContain("app/Dockerfile");
    });

    it("check Dockerfiles by their common names, and nothing else", () => {
      const names = ["Dockerfile.prod", "api.Dockerfile", "web.dockerfile", "Containerfile", "deploy/Containerfile.ci"];
      const r = commit(repo, { ...Object.fromEntries(names.map((n) => [n, BAD])), "README.md": BAD, "Dockerfile.dockerignore": BAD, "notes.txt": BAD });
      expect(r.code).not.toBe(0);
      for (const name of names) expect(r.out).toContain(`${name}${BAD_MESSAGE}`);
      for (const other of ["README.md", "Dockerfile.dockerignore", "notes.txt"]) expect(r.out).not.toContain(`${other}:`);
    });
  });

  // 2-3 minutes: pre-commit clones this repository and builds dflint twice; runs under CI=true
  it("install from this repository as users' configurations name it, and reject a bad commit", (ctx) => {
    ctx.skip(!isCI, "runs under CI=true only: it clones and builds this repository twice (about 100 s)");
    const rev = mustRun("git", ["rev-parse", "HEAD"], root).trim();
    const repo = hookedRepo("clone", { repos: [{ repo: root, rev, hooks: [{ id: "dflint" }, { id: "dflint-fmt" }] }] });
    const bad = commit(repo, { Dockerfile: BAD });
    expect(bad.code).not.toBe(0);
    expect(bad.out).toContain(`Dockerfile${BAD_MESSAGE}`);
    expect(commit(repo, { Dockerfile: GOOD }).code).toBe(0);
  }, 900_000);
});
