// `npm run bench:build`: dflint build against the Docker CLI of Debian's docker.io (/usr/bin/docker) on
// the same engine, alternating runs, medians of RUNS (default 3) and ratios, for a whole-context COPY
// and a one-small-folder COPY, with the legacy builder and BuildKit (dflint's BuildKit rows go through
// the session, as the CLI's do; the bench checks it). Both share the daemon's cache of synced files
// (the same build node ID and context path give the same session shared key), so after the first run
// a BuildKit build transfers what changed: nothing. The context (about 20,000 files,
// 500 MB) is generated under /tmp, never in the repository. dflint's peak RSS is compared between
// that context and one ten times smaller.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { CA_NOTE, printSummary, record, withoutExtraCaCerts } from "./report.mjs";

const RUNS = Number(process.env.RUNS ?? 3);
/** The targets of issue 6, as ratios of dflint's time over the CLI's. */
const TARGETS = {
  "legacy whole": { text: "<= 1x", met: (r) => r <= 1 },
  "legacy small": { text: "<= 0.1x", met: (r) => r <= 0.1 },
  "buildkit whole": { text: "<= 1.2x", met: (r) => r <= 1.2 },
  "buildkit small": { text: "<= 1.2x", met: (r) => r <= 1.2 },
};
const DOCKER = process.env.DOCKER_CLI ?? "/usr/bin/docker";
const dflint = fileURLToPath(new URL("../bin/dflint.js", import.meta.url));
const ROOT = "/tmp/dflint-bench-build";
/**
 * What the engine's storage must have free. Each whole-context build writes a 500 MB layer; BuildKit keeps
 * its own record of it after the image is removed, until the benchmark's clean-up at the end.
 */
const NEEDED_BYTES = 10e9;

function generate(dir, files, bytes) {
  const marker = `${dir}/.generated`;
  const spec = `${files} ${bytes}`;
  if (existsSync(marker) && readFileSync(marker, "utf8") === spec) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(`${dir}/small`, { recursive: true });
  const size = Math.floor(bytes / files);
  const pool = randomBytes(size * 16); // varied contents without generating every byte
  for (let i = 0; i < files - 10; i++) {
    const d = `${dir}/data/d${String(Math.floor(i / 100)).padStart(3, "0")}`;
    if (i % 100 === 0) mkdirSync(d, { recursive: true });
    const off = (i * 7919) % (pool.length - size);
    writeFileSync(`${d}/f${i}.bin`, pool.subarray(off, off + size));
  }
  for (let i = 0; i < 10; i++) writeFileSync(`${dir}/small/s${i}.txt`, `small file ${i}\n`.repeat(64));
  writeFileSync(`${dir}/Dockerfile.whole`, "FROM local/busybox\nCOPY . /ctx\n");
  writeFileSync(`${dir}/Dockerfile.small`, "FROM local/busybox\nCOPY small /small\n");
  writeFileSync(marker, spec);
}

function run(cmd, args, env, baseEnv = process.env) {
  const t = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], { env: { ...baseEnv, ...env }, encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split("\n").pop());
  return { seconds, rssMb: rssKb / 1024, stderr: r.stderr };
}

const removeImage = (tag) => spawnSync(DOCKER, ["rmi", "-f", tag], { stdio: "ignore" });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function case_(ctx, file, builder) {
  const tag = `dflint-bench:${builder}-${file}`;
  const mode = file === "small" ? "minimal" : "full";
  const ours = [];
  const theirs = [];
  let rss = 0;
  const dflintRun = (env = process.env) => {
    // --no-cache on both sides: each run sends and copies the context for real.
    // --progress json: the start event says how the context went (BuildKit: the session, as the CLI's).
    const a = run("node", [dflint, "build", "--no-lint", "-q", "--progress", "json", "--no-cache", "--builder", builder, "--context-mode", mode, "-f", `${ctx}/Dockerfile.${file}`, "-t", tag, ctx], {}, env);
    const transport = /"type":"start".*?"transport":"(\w+)"/.exec(a.stderr)?.[1];
    if (transport !== (builder === "buildkit" ? "session" : "tar")) throw new Error(`dflint's ${builder} build sent the context by ${transport ?? "an unknown way"}`);
    removeImage(tag);
    return a;
  };
  const dockerRun = () => {
    const b = run(DOCKER, ["build", "-q", "--no-cache", "-f", `${ctx}/Dockerfile.${file}`, "-t", tag, ctx], { DOCKER_BUILDKIT: builder === "buildkit" ? "1" : "0" });
    removeImage(tag);
    return b;
  };
  // BuildKit keeps what a session synced (see above): one build each, not timed, so that no timed run
  // pays for the first transfer of the context, whichever of the two comes first.
  if (builder === "buildkit") {
    dflintRun();
    dockerRun();
  }
  for (let i = 0; i < RUNS; i++) {
    // Which goes first alternates: the daemon may still be finishing the previous build's work.
    let a, b;
    if (i % 2 === 0) {
      a = dflintRun();
      b = dockerRun();
    } else {
      b = dockerRun();
      a = dflintRun();
    }
    ours.push(a.seconds);
    theirs.push(b.seconds);
    rss = Math.max(rss, a.rssMb);
  }
  const o = median(ours);
  const t = median(theirs);
  const target = TARGETS[`${builder} ${file}`];
  console.log(`${builder.padEnd(8)} ${file.padEnd(6)} dflint ${o.toFixed(2).padStart(7)} s   docker ${t.toFixed(2).padStart(7)} s   dflint/docker ${(o / t).toFixed(2)}x (target ${target.text})   dflint peak RSS ${rss.toFixed(0)} MB`);
  const bare = withoutExtraCaCerts();
  if (bare && builder === "buildkit" && file === "small") {
    // A build this small is mostly fixed costs, of which Node's start is the largest here.
    const without = [];
    const cli = [];
    for (let i = 0; i < RUNS; i++) {
      without.push(dflintRun(bare).seconds);
      cli.push(dockerRun().seconds);
    }
    console.log(`         ${CA_NOTE}: dflint ${median(without).toFixed(2)} s, docker ${median(cli).toFixed(2)} s, ${(median(without) / median(cli)).toFixed(2)}x`);
  }
  const what = file === "whole" ? "COPY of the whole context" : "COPY of one small folder" + (builder === "buildkit" ? ", minimal context" : "");
  record({ area: "build", figure: `${builder}: ${what}`, dflint: `${o.toFixed(2)} s`, peer: `${t.toFixed(2)} s`, peerName: `docker build (${DOCKER}, ${builder === "buildkit" ? "BuildKit" : "legacy builder"})`, ratio: o / t, target: target.text, met: target.met(o / t) });
}

/** Why the build benchmark cannot run here, or null: it needs the Docker CLI and a running engine. */
export function buildBenchUnavailable() {
  if (!existsSync(DOCKER)) return `${DOCKER} is missing (Debian's docker.io provides it; or set DOCKER_CLI)`;
  const ping = spawnSync(DOCKER, ["version", "--format", "{{.Server.Version}}"], { encoding: "utf8" });
  if (ping.status !== 0) return `no engine answers ${DOCKER} (${(ping.stderr || "").trim().split("\n")[0]}); ../shared/engine/start-dockerd.sh starts one`;
  // An engine on this machine: its storage is checked here, not found full by a build halfway through.
  const storage = spawnSync(DOCKER, ["info", "--format", "{{.DockerRootDir}}"], { encoding: "utf8" }).stdout?.trim();
  if (storage && existsSync(storage)) {
    const { bavail, bsize } = statfsSync(storage);
    const free = bavail * bsize;
    if (free < NEEDED_BYTES) {
      return `the engine's storage (${storage}) has ${(free / 1e9).toFixed(1)} GB free, and the build benchmark needs ${NEEDED_BYTES / 1e9} GB; \`${DOCKER} builder prune\` frees what earlier builds left in BuildKit's cache`;
    }
  }
  return null;
}

/** The IDs of the records in BuildKit's build cache. */
function buildCacheIds() {
  const r = spawnSync(DOCKER, ["system", "df", "-v", "--format", "{{json .BuildCache}}"], { encoding: "utf8" });
  if (r.status !== 0) return null;
  return new Set((JSON.parse(r.stdout.trim() || "[]") ?? []).map((c) => c.ID));
}

/**
 * Removes the build cache records this run made (not the user's own): every --no-cache BuildKit build of the
 * whole context leaves a 500 MB one, and benchmarks run again and again filled the disk.
 */
function removeCacheMadeSince(before) {
  const after = buildCacheIds();
  if (!before || !after) return;
  const made = [...after].filter((id) => !before.has(id));
  for (const id of made) spawnSync(DOCKER, ["builder", "prune", "-af", "--filter", `id=${id}`], { stdio: "ignore" });
  const left = buildCacheIds();
  const kept = made.filter((id) => left?.has(id)).length;
  console.log(`build cache: removed ${made.length - kept} of the ${made.length} records this benchmark made${kept ? ` (${kept} still in use)` : ""}`);
}

/** Runs the build benchmark: generates the contexts once, prints its rows and records them for the summary. */
export function benchBuild() {
  const big = `${ROOT}/ctx-500mb`;
  const tenth = `${ROOT}/ctx-50mb`;
  console.log("generating contexts under /tmp (once)...");
  generate(big, 20_000, 500_000_000);
  generate(tenth, 2_000, 50_000_000);
  console.log(`context: ${execFileSync("du", ["-sh", big], { encoding: "utf8" }).split("\t")[0]} in 20,000 files; ${RUNS} runs each, alternating, medians`);
  // Node's own start is in every dflint row, and is most of the small BuildKit one: shown apart, with the
  // setting that multiplies it where it is set (Node 20 reads and parses the whole CA bundle it names at
  // every start, before any of dflint runs).
  const nodeStart = median(Array.from({ length: 5 }, () => run("node", ["-e", "0"]).seconds));
  const caNote = process.env.NODE_EXTRA_CA_CERTS ? ` (with NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS}, which Node reads at every start)` : "";
  console.log(`node -e 0: ${nodeStart.toFixed(2)} s${caNote}\n`);
  record({ area: "build", figure: "node -e 0, part of every dflint row", dflint: `${nodeStart.toFixed(2)} s`, target: "", met: undefined });
  const cacheBefore = buildCacheIds();
  try {
    for (const builder of ["legacy", "buildkit"]) for (const file of ["whole", "small"]) case_(big, file, builder);
  } finally {
    removeCacheMadeSince(cacheBefore);
  }
  const small = run("node", [dflint, "build", "--no-lint", "-q", "--no-cache", "--builder", "legacy", "-f", `${tenth}/Dockerfile.whole`, "-t", "dflint-bench:tenth", tenth]);
  removeImage("dflint-bench:tenth");
  const whole = run("node", [dflint, "build", "--no-lint", "-q", "--no-cache", "--builder", "legacy", "-f", `${big}/Dockerfile.whole`, "-t", "dflint-bench:tenth", big]);
  removeImage("dflint-bench:tenth");
  console.log(`\ndflint peak RSS, legacy whole-context build: ${small.rssMb.toFixed(0)} MB at 50 MB, ${whole.rssMb.toFixed(0)} MB at 500 MB (x${(whole.rssMb / small.rssMb).toFixed(2)} for a context 10x larger)`);
  const growth = whole.rssMb / small.rssMb;
  record({ area: "build", figure: "dflint peak memory, context 10x larger", dflint: `${small.rssMb.toFixed(0)} → ${whole.rssMb.toFixed(0)} MB`, ratio: growth, target: "flat (<= 1.5x)", met: growth <= 1.5 });
}

// Run on its own (`npm run bench:build`) it prints its rows and the summary of them.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const why = buildBenchUnavailable();
  if (why) {
    console.error(`bench:build: ${why}`);
    process.exit(2);
  }
  benchBuild();
  printSummary("Summary: dflint build against the Docker CLI, measured in this run");
}
