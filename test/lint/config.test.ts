// Configuration files as hadolint writes them, and dflint's own keys; every error names its key.
import { describe, expect, it } from "vitest";
import { isAtOrAbove, mergeConfigs, parseConfigObject, parseConfigText, parseThreshold, resolveRuleNames } from "../../src/lint/config.js";
import { effectiveLevel, findRule } from "../../src/index.js";
import { DEFAULT_SETTINGS } from "../../src/lint/settings.js";

function ok(text: string, kind: "dflint" | "hadolint" = "hadolint") {
  const r = parseConfigText(text, kind);
  if (!r.ok) throw new Error(r.error);
  return r;
}

function error(text: string, kind: "dflint" | "hadolint" = "dflint"): string {
  const r = parseConfigText(text, kind);
  if (r.ok) throw new Error("expected an error");
  return r.error;
}

describe("parseConfigText", () => {
  it("reads hadolint's documented configuration as is", () => {
    const { config, warnings } = ok(`
failure-threshold: warning
format: json
ignored:
  - DL3000
  - SC1010
label-schema:
  author: text
  contact: email
  created: rfc3339
  version: semver
  documentation: url
  git-revision: hash
  license: spdx
no-color: true
no-fail: false
override:
  error:
    - DL3001
    - DL3002
  warning:
    - DL3042
    - DL3033
  info:
    - DL3032
  style:
    - DL3015
strict-labels: true
disable-ignore-pragma: true
trustedRegistries:
  - docker.io
  - my-company.com:5000
  - "*.gcr.io"
verbose: false
`);
    expect(config.failureThreshold).toBe("warning");
    expect(config.outputFormat).toBe("json");
    expect(config.noColor).toBe(true);
    expect(config.noFail).toBe(false);
    expect(config.verbose).toBe(false);
    expect([...config.settings.ignored!]).toEqual(["DL3000", "SC1010"]);
    expect(config.settings.overrides!.get("DL3001")).toBe("error");
    expect(config.settings.overrides!.get("DL3015")).toBe("style");
    expect(config.settings.labelSchema!.get("contact")).toBe("email");
    expect(config.settings.strictLabels).toBe(true);
    expect(config.settings.disableIgnorePragma).toBe(true);
    expect(config.settings.trustedRegistries).toEqual(["docker.io", "my-company.com:5000", "*.gcr.io"]);
    // SC1010 is ShellCheck's, a rule when ShellCheck runs: nothing to note.
    expect(warnings).toEqual([]);
  });

  it("turns names and aliases into codes, and lets error win a code listed at two levels (as hadolint)", () => {
    const alias = findRule("DF009")!.aliases![0]!;
    const { config } = ok(`ignored: [image-untagged, ${alias}]\noverride:\n  style: [DL3006]\n  error: [dl3006]\n`);
    expect([...config.settings.ignored!]).toEqual(["DL3006", "DF009"]);
    expect(config.settings.overrides!.get("DL3006")).toBe("error");
  });

  it("is empty for an empty file or comments only", () => {
    expect(ok("").config).toEqual({ settings: {} });
    expect(ok("# nothing yet\n").config).toEqual({ settings: {} });
  });

  it("takes dflint's experimental list and accepts (and ignores) a formatter section", () => {
    const { config } = ok("experimental: [all]\nformat:\n  indent: 4\n", "dflint");
    expect([...config.settings.experimental!]).toEqual(["all"]);
    expect(config.outputFormat).toBeUndefined();
  });

  it("reads one trusted registry given as a string, as hadolint documents", () => {
    expect(ok("trustedRegistries: docker.io\n").config.settings.trustedRegistries).toEqual(["docker.io"]);
  });

  it("reads failure-threshold none and ignore as never failing", () => {
    expect(ok("failure-threshold: none\n").config.failureThreshold).toBe("none");
    expect(ok("failure-threshold: ignore\n").config.failureThreshold).toBe("none");
  });

  it("names the key of every error", () => {
    expect(error("ignore: [DL3006]\n")).toBe(
      ".dflint.yaml: unknown key 'ignore' (did you mean 'ignored'?); valid keys: ignored, override, trustedRegistries, label-schema, strict-labels, failure-threshold, no-fail, disable-ignore-pragma, no-color, verbose, format, experimental, shellcheck",
    );
    expect(error("experimental: [all]\n", "hadolint")).toContain("unknown key 'experimental'");
    expect(error("override:\n  fatal: [DL3006]\n")).toContain("unknown key 'override.fatal'; valid keys: error, warning, info, style");
    expect(error("override: [DL3006]\n")).toContain("'override' must map error, warning, info or style");
    expect(error("override:\n  error: [1]\n")).toContain("'override.error[0]' must be a non-empty string, got 1");
    expect(error("ignored: [3]\n")).toContain("'ignored[0]' must be a non-empty string, got 3");
    expect(error("ignored: {a: 1}\n")).toContain("'ignored' must be a list of rule codes");
    expect(error("no-fail: yes\n")).toContain("'no-fail' must be true or false, got 'yes'");
    expect(error("strict-labels: 1\n")).toContain("'strict-labels' must be true or false, got 1");
    expect(error("failure-threshold: high\n")).toContain("'failure-threshold' must be one of error, warning, info, style, none, got 'high'");
    expect(error("label-schema:\n  author: person\n")).toContain("'label-schema.author' must be one of text, url, rfc3339, spdx, hash, semver, email, got 'person'");
    expect(error("format: 3\n", "hadolint")).toContain("'format' must be an output format name");
    expect(error("- DL3006\n")).toContain("expected a mapping of settings");
  });

  it("says where the YAML is broken", () => {
    expect(error("ignored: [DL3006\n")).toMatch(/^\.dflint\.yaml: not valid YAML at line 2, column 1: /);
    expect(error("ignored: [DL3006]\nignored: [DL3008]\n")).toMatch(/not valid YAML at line 2, column 1: Map keys must be unique/);
    expect(parseConfigText("a: [\n", "dflint", "/repo/.dflint.yaml")).toMatchObject({ ok: false, error: expect.stringMatching(/^\/repo\/\.dflint\.yaml: /) });
  });

  it("warns about names that are no rule and look like no hadolint code", () => {
    const { warnings } = parseConfigObject({ ignored: ["image-untaged"] }, "dflint") as { warnings: string[] };
    expect(warnings).toEqual([".dflint.yaml: 'ignored' names 'image-untaged', which is no dflint rule; check the spelling"]);
  });
});

describe("configuration in the engine's terms", () => {
  it("ignored and override settings decide each rule's level", () => {
    const { config } = ok("ignored: [DL3006]\noverride:\n  error: [DF009]\n");
    const settings = { ...DEFAULT_SETTINGS, ...config.settings };
    expect(effectiveLevel(findRule("DL3006")!, settings)).toBeNull();
    expect(effectiveLevel(findRule("DF009")!, settings)).toBe("error");
  });

  it("merges layers: lists join, later single values win", () => {
    const file = ok("ignored: [DL3006]\nfailure-threshold: warning\ntrustedRegistries: [a.io]\n").config;
    const cli = { settings: { ignored: new Set(["DF009"]), trustedRegistries: ["b.io"] }, failureThreshold: "error" as const };
    const merged = mergeConfigs(file, cli);
    expect([...merged.settings.ignored!]).toEqual(["DL3006", "DF009"]);
    expect(merged.settings.trustedRegistries).toEqual(["a.io", "b.io"]);
    expect(merged.failureThreshold).toBe("error");
  });

  it("thresholds: at or above, none never", () => {
    expect(isAtOrAbove("warning", "info")).toBe(true);
    expect(isAtOrAbove("style", "info")).toBe(false);
    expect(isAtOrAbove("error", "error")).toBe(true);
    expect(isAtOrAbove("error", "none")).toBe(false);
    expect(parseThreshold("Warning")).toBe("warning");
    expect(parseThreshold("fatal")).toBeUndefined();
  });

  it("resolves command-line rule lists", () => {
    expect(resolveRuleNames(["image-untagged,DF009", " SC2086 "])).toEqual({ codes: ["DL3006", "DF009", "SC2086"], unknown: ["SC2086"] });
  });
});
