// The dflint command as users run it: the built bin in a child process.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { hasShared, needsShared, shared } from "../shared-data.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = root + "bin/dflint.js";
const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", input });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

needsShared("the CLI conformance tests");

describe("dflint FILE (the lint command)", () => {
  it("is quiet and exits 0 on a clean Dockerfile", () => {
    expect(run(["-"], 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n')).toEqual({ code: 0, out: "", err: "" });
  });

  it("prints each problem with its place and exits 1", () => {
    const r = run(["fixtures/examples/broken.Dockerfile"]);
    expect(r.code).toBe(1);
    // The parser's problems, among the rules' findings.
    expect(r.out.trim().split("\n")).toEqual(
      expect.arrayContaining([
        "fixtures/examples/broken.Dockerfile:2:1: error DF010 Only one escape parser directive can be used. [duplicate-directive]",
        "fixtures/examples/broken.Dockerfile:4:8: error DF003 Unknown flag '--form' for COPY (did you mean '--from'?); valid flags: --from, --chown, --chmod, --link, --parents, --exclude. [unknown-flag]",
        "fixtures/examples/broken.Dockerfile:5:1: warning DF009 Empty continuation line: a blank line inside a continued instruction is skipped, and will become an error in a future BuildKit. [empty-continuation-line]",
        "fixtures/examples/broken.Dockerfile:5:13: error DF006 Unknown mount type 'cahce' (did you mean 'cache'?); use bind, cache, tmpfs, secret, ssh. [invalid-mount]",
        "fixtures/examples/broken.Dockerfile:8:14: error DF012 When using JSON array syntax, arrays must be comprised of strings only. [json-not-strings]",
        "fixtures/examples/broken.Dockerfile:9:5: error DF007 Heredoc 'EOF' is not terminated: no line 'EOF' follows. [unterminated-heredoc]",
      ]),
    );
    expect(r.err).toBe("");
  });

  it("reads standard input for -", () => {
    expect(run(["-"], "FROM a\nFORM b\n")).toMatchObject({ code: 1, out: expect.stringContaining("-:2:1: error DF002") });
  });

  it("says what is wrong, without a stack trace, and exits 2 on usage and I/O errors", () => {
    expect(run(["no-such-file"])).toEqual({ code: 2, out: "", err: "dflint: cannot read no-such-file: no such file\n" });
    expect(run(["--frobnicate", "x"])).toMatchObject({ code: 2, err: expect.stringContaining("unknown option '--frobnicate'") });
    expect(run(["grammar"])).toMatchObject({ code: 2, err: expect.stringContaining("no Dockerfiles found in grammar") });
  });

  it("prints its version and help", () => {
    const pkg = JSON.parse(readFileSync(root + "package.json", "utf8"));
    expect(run(["--version"])).toEqual({ code: 0, out: pkg.version + "\n", err: "" });
    expect(run(["--help"]).out).toContain("dflint parse");
    expect(run(["parse", "--help"]).out).toContain("--format buildkit-json");
  });
});

describe("dflint parse", () => {
  it("prints the whole lossless tree as JSON", () => {
    const text = readFileSync(root + "fixtures/examples/Dockerfile", "utf8");
    const r = run(["parse", "--format", "json", "fixtures/examples/Dockerfile"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    const leaves: string[] = [];
    const walk = (n: { children: unknown[]; text?: string; kind: string }) => {
      if (n.children.length === 0 && n.kind !== "keyword" && typeof n.text === "string") leaves.push(n.text);
      else for (const c of n.children) walk(c as typeof n);
    };
    walk(out.tree.children.length ? { ...out.tree, text: undefined } : out.tree);
    expect(leaves.join("")).toBe(text);
    expect(out.diagnostics).toEqual([]);
  });

  it("rejects an unknown format", () => {
    expect(run(["parse", "--format", "xml", "fixtures/examples/Dockerfile"])).toMatchObject({ code: 2 });
  });

  describe("in BuildKit's terms", () => {
    beforeEach((ctx) => ctx.skip(!hasShared, "../shared, which holds BuildKit's data, is not beside this clone"));
    const cases = hasShared ? readdirSync(shared("conformance/buildkit/parser")).sort() : [];
    it.each(cases)("--format buildkit prints parser/%s's result", (name) => {
      const dir = shared(`conformance/buildkit/parser/${name}/`);
      const r = run(["parse", "--format", "buildkit", dir + "Dockerfile"]);
      expect(r).toEqual({ code: 0, out: readFileSync(dir + "result", "utf8"), err: "" });
    });

    it("--format buildkit-json prints BuildKit's observed records", () => {
      const dir = shared("conformance/buildkit-observed/cases/");
      const expected = readFileSync(shared("conformance/buildkit-observed/cases.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
      const out = execFileSync(process.execPath, [bin, "parse", "--format", "buildkit-json", ...expected.map((e) => e.file)], { cwd: dir, encoding: "utf8" });
      const got = out.trim().split("\n").map((l) => JSON.parse(l));
      expect(got.length).toBe(expected.length);
      got.forEach((g, i) => {
        const e = expected[i];
        if (e.error) expect(Object.keys(g)).toEqual(["file", "error"]);
        else expect(g).toEqual(e);
      });
    });
  });
});
