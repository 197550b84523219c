// dflint build --ssh against the real engine and a real ssh-agent: inside the build, OpenSSH's own
// ssh-add (the host's binary with its libraries, the base image has no ssh) lists the forwarded key
// and fails to remove it, as BuildKit's read-only forwarding promises; without --ssh the daemon says
// that no agent was forwarded. Also the CLI's checks of --ssh before anything is sent.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { build, type BuildOptions } from "../../src/build/build.js";
import { parseBuildArgs } from "../../src/cli/build-command.js";
import { engine, imageFiles, needsEngine, removeImages } from "./engine.js";

needsEngine("the --ssh tests");

const hasAgent = spawnSync("ssh-agent", ["-h"]).error === undefined && spawnSync("ssh-add", ["-h"]).error === undefined;
if (!hasAgent && process.env.CI === "true") {
  it("finds ssh-agent and ssh-add", () => {
    throw new Error("ssh-agent or ssh-add is not on PATH; CI installs them (apt-get install openssh-client) and must run these tests");
  });
}

const tags: string[] = [];
const dirs: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

/** The host's ssh-add and what the dynamic loader needs to run it, copied into `dir`. */
function copySshAdd(dir: string): { loader: string } {
  const binary = execFileSync("sh", ["-c", "command -v ssh-add"], { encoding: "utf8" }).trim();
  let loader = "";
  for (const line of execFileSync("ldd", [binary], { encoding: "utf8" }).split("\n")) {
    const lib = /=>\s*(\/\S+)/.exec(line)?.[1] ?? /^\s*(\/\S+)\s+\(/.exec(line)?.[1];
    if (!lib) continue;
    if (!line.includes("=>")) loader = basename(lib);
    copyFileSync(lib, join(dir, basename(lib)));
    chmodSync(join(dir, basename(lib)), 0o755);
  }
  copyFileSync(binary, join(dir, "ssh-add"));
  chmodSync(join(dir, "ssh-add"), 0o755);
  return { loader };
}

describe("dflint build --ssh (needs a Docker engine and ssh-agent)", () => {
  let agent: ChildProcess | null = null;
  let socket = "";
  let listed = "";

  beforeAll(async () => {
    if (!engine || !hasAgent) return; // skipped below, with the reason
    const home = temp("dflint-agent-");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "dflint-test-key", "-f", join(home, "key")]);
    socket = join(home, "agent.sock");
    agent = spawn("ssh-agent", ["-D", "-a", socket], { stdio: "ignore" });
    for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 20));
    const env = { ...process.env, SSH_AUTH_SOCK: socket };
    execFileSync("ssh-add", ["-q", join(home, "key")], { env, stdio: "ignore" });
    listed = execFileSync("ssh-add", ["-l"], { env, encoding: "utf8" });
  });
  beforeEach((ctx) => {
    ctx.skip(!engine, "no Docker engine answers here (.ci/run starts one, and CI fails without it)");
    ctx.skip(!hasAgent, "ssh-agent or ssh-add is not on PATH (openssh-client: .ci/run installs it, and CI fails without it)");
  });
  afterAll(async () => {
    agent?.kill();
    if (engine) await removeImages(tags);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("lets RUN --mount=type=ssh list the agent's keys, and not remove them", async () => {
    expect(listed).toContain("dflint-test-key");
    const root = temp("dflint-ssh-ctx-");
    mkdirSync(join(root, "t"));
    const { loader } = copySshAdd(join(root, "t"));
    const sshAdd = `/t/${loader} --library-path /t /t/ssh-add`;
    writeFileSync(
      join(root, "Dockerfile"),
      `FROM local/busybox\nCOPY t /t\nRUN --mount=type=ssh,required=true ${sshAdd} -l > /listed && { ${sshAdd} -D > /removed 2>&1; echo "exit $?" >> /removed; }\n`,
    );
    const tag = `dflint-ssh:${process.pid}`;
    tags.push(tag);
    const options: BuildOptions = { context: root, builder: "buildkit", tags: [tag], noCache: true, network: "none" };
    const outcome = await build({ ...options, ssh: [{ id: "default", socket }] });
    expect(outcome.ok ? "" : outcome.error.message).toBe("");
    const files = await imageFiles(tag);
    expect(files.get("listed")?.content).toBe(listed);
    // The agent answered SSH_AGENT_FAILURE: ssh-add says it could not, and exits 1.
    expect(files.get("removed")?.content).toMatch(/^Failed to remove all identities\.?\nexit 1\n$/);
    expect(execFileSync("ssh-add", ["-l"], { env: { ...process.env, SSH_AUTH_SOCK: socket }, encoding: "utf8" })).toBe(listed);

    const without = await build({ ...options, tags: [] });
    expect(without.ok).toBe(false);
    if (without.ok) return;
    expect(without.error.kind).toBe("build");
    expect(without.error.message).toMatch(/no SSH key .* forwarded/);
    expect(without.error.dockerfile?.line).toBe(3);
  });

  it("refuses a key file, a missing socket and the legacy builder before sending anything", async () => {
    const root = temp("dflint-ssh-bad-");
    writeFileSync(join(root, "Dockerfile"), "FROM scratch\n");
    writeFileSync(join(root, "id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
    const cases: [BuildOptions["ssh"], BuildOptions["builder"], RegExp][] = [
      [[{ id: "default", socket: join(root, "id_ed25519") }], "buildkit", /^usage: --ssh default: \S+id_ed25519 is not an agent's socket; dflint forwards agents, not key files/],
      [[{ id: "git", socket: join(root, "gone.sock") }], "buildkit", /^usage: --ssh git: cannot use \S+gone\.sock: no such file/],
      [[{ id: "default", socket }], "legacy", /^usage: --ssh needs BuildKit/],
      [[{ id: "a", socket }, { id: "a", socket }], "buildkit", /^usage: --ssh names the agent 'a' twice/],
    ];
    for (const [ssh, builder, message] of cases) {
      const outcome = await build({ context: root, builder, ssh });
      expect(outcome.ok ? "" : `${outcome.error.kind}: ${outcome.error.message}`).toMatch(message);
    }
  });

  it("reads --ssh as docker build does: default from SSH_AUTH_SOCK, ID=SOCKET relative to the working directory", () => {
    const parse = (args: string[], env: NodeJS.ProcessEnv) => {
      const r = parseBuildArgs(args, env);
      return "args" in r ? r.args.ssh : "error" in r ? r.error : "help";
    };
    expect(parse(["--ssh", "default", "."], { SSH_AUTH_SOCK: "/run/agent.sock" })).toEqual([{ id: "default", socket: "/run/agent.sock" }]);
    expect(parse(["--ssh", "git=agent.sock", "."], {})).toEqual([{ id: "git", socket: join(process.cwd(), "agent.sock") }]);
    expect(parse(["--ssh", "default", "."], {})).toMatch(/SSH_AUTH_SOCK, which is not set/);
  });
});
