// A real editor end to end: Neovim, headless, with its built-in LSP client attached to
// `dflint lsp` (fixtures/lsp/nvim-init.lua), shows a Dockerfile's diagnostics, hovers and formats it.
// Skipped with a note when nvim is absent; under CI=true its absence fails.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { format } from "../../src/format/format.js";
import { lint } from "../../src/lint/engine.js";
import { root } from "./lsp-client.js";

const hasNvim = spawnSync("nvim", ["--version"], { stdio: "ignore" }).status === 0;
if (!hasNvim) {
  if (process.env.CI === "true") {
    it("finds nvim for the Neovim end-to-end test", () => {
      throw new Error("nvim is missing; .ci/run installs Debian's neovim");
    });
  } else console.warn("dflint: nvim not found, skipping the Neovim end-to-end test (apt-get install neovim runs it)");
}

interface NvimResult {
  error?: string;
  attached: boolean;
  published: boolean;
  diagnostics: Array<{ line: number; col: number; severity: number; code: string; source: string; message: string }>;
  hover: string | null;
  canFormat: boolean;
  text: string;
}

describe("Neovim's built-in LSP client with dflint lsp (needs nvim)", () => {
  beforeEach((ctx) => ctx.skip(!hasNvim, "nvim is not on PATH (a system package: .ci/run installs it, and CI fails without it)"));
  it("shows the diagnostics of a Dockerfile, hovers it and formats it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dflint-nvim-"));
    try {
      const file = join(dir, "Dockerfile");
      copyFileSync(root + "fixtures/lsp/messy.Dockerfile", file);
      const out = join(dir, "result.json");
      const env = { ...process.env, DFLINT_NVIM_OUT: out, DFLINT_NODE: process.execPath, DFLINT_BIN: root + "bin/dflint.js", XDG_STATE_HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
      const code = await new Promise<number | null>((resolve) => {
        const nvim = spawn("nvim", ["--headless", "-n", "-i", "NONE", "-u", root + "fixtures/lsp/nvim-init.lua", file], { cwd: dir, env, stdio: "ignore" });
        const timer = setTimeout(() => nvim.kill(), 55_000);
        nvim.on("exit", (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      expect(code).toBe(0);
      const result = JSON.parse(readFileSync(out, "utf8")) as NvimResult;
      expect(result.error).toBeUndefined();
      expect(result).toMatchObject({ attached: true, published: true });
      const source = readFileSync(root + "fixtures/lsp/messy.Dockerfile", "utf8");
      const expected = lint(source).findings.map((f) => [f.range.start.line, f.range.start.character, f.code]);
      expect(result.diagnostics.map((d) => [d.line, d.col, d.code]).sort()).toEqual(expected.sort());
      expect(result.diagnostics.every((d) => d.source === "dflint")).toBe(true);
      expect(result.hover).toContain("**syntax** parser directive");
      expect(result.canFormat).toBe(true);
      const formatted = format(source, { indent: 4 }).text;
      expect(formatted).not.toBe(source);
      expect(result.text + "\n").toBe(formatted);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
