// The parts of a build that need no engine: the request's encoding, the command line, the engine
// address, the credentials header, the ssh command, the legacy request's stages, and the sources the
// minimal context is made from.
import { describe, expect, it } from "vitest";
import { contextSources } from "../../src/build/context-sources.js";
import { registryConfigHeader } from "../../src/build/docker-config.js";
import { parseHost } from "../../src/build/engine-endpoint.js";
import { pruneStages } from "../../src/build/prune-stages.js";
import { buildQuery } from "../../src/build/request.js";
import { sshArguments } from "../../src/build/ssh-dial.js";
import { parseBuildArgs, parseBytes } from "../../src/cli/build-command.js";
import { analyze } from "../../src/model/analyze.js";
import { parse } from "../../src/syntax/parse.js";

const model = (text: string, options = {}) => analyze(parse(text).tree, options);

describe("the POST /build query", () => {
  it("encodes the legacy builder's resource limits as the docker CLI does, and reads them from the command line", () => {
    const parsed = parseBuildArgs(["-m", "64m", "--memory-swap", "-1", "-c", "512", "--cpuset-cpus", "0-1", "--cpuset-mems", "0", "--cpu-period", "100000", "--cpu-quota", "50000", "--cgroup-parent", "ci", "."]);
    expect(parsed).toMatchObject({ ok: true });
    if (!("args" in parsed)) return;
    expect(parsed.args.resources).toEqual({ memory: 67108864, memorySwap: -1, cpuShares: 512, cpusetCpus: "0-1", cpusetMems: "0", cpuPeriod: 100000, cpuQuota: 50000, cgroupParent: "ci" });
    const q = buildQuery({ dockerfile: "Dockerfile", resources: parsed.args.resources }, "legacy", "1.41", "id");
    expect(q.ok && q.query).toMatchObject({ memory: "67108864", memswap: "-1", cpushares: "512", cpusetcpus: "0-1", cpusetmems: "0", cpuperiod: "100000", cpuquota: "50000", cgroupparent: "ci" });
    expect(parseBuildArgs(["--memory", "lots", "."])).toMatchObject({ ok: false, error: "--memory takes a size such as 512m, not 'lots'" });
    expect(parseBuildArgs(["--cpu-shares", "-3", "."])).toMatchObject({ ok: false });
    expect(buildQuery({ dockerfile: "Dockerfile", forceRm: true }, "legacy", "1.41", "id")).toMatchObject({ ok: true, query: { forcerm: "1" } });
    expect(parseBuildArgs(["--force-rm", "--compress", "."])).toMatchObject({ ok: true, args: { forceRm: true, compress: true, rm: true } });
    const kept = parseBuildArgs(["--rm=false", "--no-cache=true", "--pull=0", "."]);
    expect(kept).toMatchObject({ ok: true, args: { rm: false, noCache: true, pull: false } });
    expect(buildQuery({ dockerfile: "Dockerfile", rm: false }, "legacy", "1.41", "id")).toMatchObject({ ok: true, query: { rm: "0" } });
  });

  it("encodes options as the docker CLI does", () => {
    const q = buildQuery(
      { dockerfile: "sub/Dockerfile", tags: ["a:1", "b"], buildArgs: { FOO: "bar", EMPTY: null }, labels: { l: "v" }, addHosts: ["h:10.0.0.1", "g:10.0.0.2"], cacheFrom: ["img"], shmSize: 134217728, ulimits: [{ Name: "nofile", Soft: 1024, Hard: 2048 }], noCache: true, network: "none" },
      "legacy",
      "1.41",
      "id",
    );
    expect(q).toEqual({
      ok: true,
      query: {
        dockerfile: "sub/Dockerfile",
        t: ["a:1", "b"],
        buildargs: '{"FOO":"bar","EMPTY":null}',
        labels: '{"l":"v"}',
        nocache: "1",
        networkmode: "none",
        cachefrom: '["img"]',
        extrahosts: ["h:10.0.0.1", "g:10.0.0.2"],
        shmsize: "134217728",
        ulimits: '[{"Name":"nofile","Soft":1024,"Hard":2048}]',
        rm: "1",
        version: "1",
      },
    });
  });

  it("asks BuildKit with version=2 and a build id, and refuses networks it cannot run", () => {
    expect(buildQuery({ dockerfile: "Dockerfile" }, "buildkit", "1.41", "abc")).toEqual({ ok: true, query: { dockerfile: "Dockerfile", version: "2", buildid: "abc" } });
    expect(buildQuery({ dockerfile: "Dockerfile", network: "bridge" }, "buildkit", "1.41", "abc")).toMatchObject({ ok: false, error: expect.stringContaining("'bridge'") });
    expect(buildQuery({ dockerfile: "Dockerfile", platform: "linux/amd64" }, "legacy", "1.31", "x")).toMatchObject({ ok: false });
  });
});

describe("dflint build's command line", () => {
  it("takes --build-arg NAME from the environment, or as declared without a value", () => {
    const r = parseBuildArgs(["--build-arg", "A", "--build-arg", "B", "--build-arg=C=3", "-t", "x", "-tz", "--shm-size", "64m", "ctx"], { A: "from-env" });
    expect(r).toMatchObject({ ok: true, args: { context: "ctx", tags: ["x", "z"], buildArgs: { A: "from-env", B: null, C: "3" }, shmSize: 64 * 1024 * 1024 } });
  });

  it("refuses bad values with a message", () => {
    expect(parseBuildArgs(["--progress", "fancy"])).toMatchObject({ ok: false, error: expect.stringContaining("'fancy'") });
    expect(parseBuildArgs(["--ulimit", "nofile"])).toMatchObject({ ok: false });
    expect(parseBuildArgs(["a", "b"])).toMatchObject({ ok: false });
    expect(parseBytes("1g")).toBe(1024 ** 3);
    expect(parseBytes("0")).toBeNull();
  });
});

describe("the engine address", () => {
  const noTls = async () => null;
  it("reads unix, tcp, bare host:port and ssh forms", async () => {
    expect(await parseHost("unix:///run/d.sock", noTls)).toMatchObject({ ok: true, endpoint: { kind: "unix", path: "/run/d.sock" } });
    expect(await parseHost("tcp://10.0.0.5:2375", noTls)).toMatchObject({ ok: true, endpoint: { kind: "tcp", host: "10.0.0.5", port: 2375, tls: null } });
    expect(await parseHost("10.0.0.5", async () => ({ verify: true }))).toMatchObject({ ok: true, endpoint: { kind: "tcp", port: 2376, tls: { verify: true } } });
    expect(await parseHost("ssh://me@box:2222/var/run/other.sock", noTls)).toMatchObject({ ok: true, endpoint: { kind: "ssh", user: "me", host: "box", port: 2222, socketPath: "/var/run/other.sock" } });
    expect(await parseHost("npipe:////./pipe/docker_engine", noTls)).toMatchObject({ ok: false });
  });

  it("runs ssh as the docker CLI does", () => {
    expect(sshArguments({ host: "box", user: "me", port: 2222 })).toEqual(["-l", "me", "-p", "2222", "-o", "ConnectTimeout=30", "-T", "--", "box", "docker", "system", "dial-stdio"]);
  });

  it("encodes X-Registry-Config with base64url, padding kept", () => {
    const header = registryConfigHeader({ "https://index.docker.io/v1/": { serveraddress: "https://index.docker.io/v1/", username: "u", password: "p>?~" } });
    expect(header).not.toMatch(/[+/]/);
    expect(JSON.parse(Buffer.from(header, "base64url").toString())).toEqual({ "https://index.docker.io/v1/": { serveraddress: "https://index.docker.io/v1/", username: "u", password: "p>?~" } });
  });
});

describe("the legacy request's stages", () => {
  it("empties stages the target does not need, keeping names and line numbers", () => {
    const text = "FROM a AS one\nRUN x\n\nFROM b AS two\nRUN y\nFROM one AS three\nCOPY --from=0 /x /y\nFROM c\n";
    const out = pruneStages(model(text, { target: "three" }))!;
    expect(out).toBe("FROM a AS one\nRUN x\n\nFROM scratch AS two\n\nFROM one AS three\nCOPY --from=0 /x /y\nFROM c\n");
    expect(pruneStages(model("FROM a\nRUN x\n"))).toBeNull();
  });
});

describe("the sources of the minimal context", () => {
  it("collects COPY/ADD sources and bind mounts of the stages the target needs", () => {
    const text = [
      "ARG V=1",
      "FROM a AS deps",
      "COPY package.json ./",
      "RUN --mount=type=bind,source=lock,target=/l --mount=type=cache,target=/c --mount=from=x,target=/y make",
      "FROM a AS unused",
      "COPY unused.txt /",
      "FROM deps",
      "ARG V",
      'COPY ["src/v${V}", "/src"]',
      "ADD https://example.com/x.tgz /x",
      "COPY --from=deps /a /b",
      "COPY <<EOF /inline",
      "hi",
      "EOF",
      "",
    ].join("\n");
    expect(contextSources(model(text))).toEqual({ ok: true, patterns: ["package.json", "lock", "src/v1"] });
  });

  it("gives the reason when a source cannot be known", () => {
    expect(contextSources(model("FROM a\nCOPY $FROM_BASE_IMAGE /x\n"))).toEqual({ ok: false, reason: expect.stringContaining("$FROM_BASE_IMAGE is not known") });
    expect(contextSources(model("# syntax=docker/dockerfile:1\nFROM a\n"))).toMatchObject({ ok: false, reason: expect.stringContaining("# syntax=") });
    expect(contextSources(model("FROM a\nCOPY . /app\n"))).toEqual({ ok: true, patterns: ["."] });
  });
});
