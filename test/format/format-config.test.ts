// The `format:` section of .dflint.yaml: the formatter's options, checked key by key; in a
// .hadolint.yaml, `format` stays hadolint's output format.
import { describe, expect, it } from "vitest";
import { mergeConfigs, parseConfigText } from "../../src/lint/config.js";

const read = (text: string, kind: "dflint" | "hadolint" = "dflint") => parseConfigText(text, kind);

describe("the format section of .dflint.yaml", () => {
  it("reads indent, break-chains and shell", () => {
    const r = read("format:\n  indent: tab\n  break-chains: false\n  shell: true\n");
    expect(r).toMatchObject({ ok: true, config: { formatter: { indent: "tab", breakChains: false, shell: true } } });
    expect(read("format:\n  indent: 2\n")).toMatchObject({ ok: true, config: { formatter: { indent: 2 } } });
    expect(read("format:\n")).toMatchObject({ ok: true, config: { formatter: {} } });
  });

  it("refuses unknown keys and bad values, naming them", () => {
    expect(read("format:\n  brake-chains: true\n")).toEqual({ ok: false, error: ".dflint.yaml: unknown key 'format.brake-chains' (did you mean 'break-chains'?); valid keys: indent, break-chains, shell" });
    expect(read("format:\n  indent: 0\n")).toEqual({ ok: false, error: ".dflint.yaml: 'format.indent' must be a number of spaces from 1 to 16 or 'tab', got 0" });
    expect(read("format:\n  indent: tabs\n")).toMatchObject({ ok: false, error: expect.stringContaining("got 'tabs'") });
    expect(read("format:\n  shell: yes please\n")).toEqual({ ok: false, error: ".dflint.yaml: 'format.shell' must be true or false, got 'yes please'" });
    expect(read("format: json\n")).toMatchObject({ ok: false, error: expect.stringContaining("'format' must be the formatter's settings") });
  });

  it("is hadolint's output format in a .hadolint.yaml", () => {
    expect(read("format: json\n", "hadolint")).toMatchObject({ ok: true, config: { outputFormat: "json" } });
  });

  it("merges key by key, later layers winning", () => {
    const a = read("format:\n  indent: 2\n  shell: true\n");
    const b = read("format:\n  indent: tab\n");
    if (!a.ok || !b.ok) expect.fail("both parse");
    expect(mergeConfigs(a.config, b.config).formatter).toEqual({ indent: "tab", shell: true });
  });
});
