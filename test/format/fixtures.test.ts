// The formatter's fixture pairs: fixtures/format/<case>/input.Dockerfile formats to expected.Dockerfile,
// with the case's options.json when it has one. One case per normalization and per thing the formatter
// never changes. Each pair is also checked for idempotence, meaning kept, and CRLF giving CRLF.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { format, type FormatOptions } from "../../src/index.js";
import { crlf, meaningDifferences } from "./same-meaning.js";

const root = new URL("../../fixtures/format/", import.meta.url);
const cases = readdirSync(root).sort();
const read = (name: string, file: string) => readFileSync(new URL(`${name}/${file}`, root), "utf8");

describe("formatter fixtures", () => {
  it("has a pair for each normalization and each thing never changed", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const name of cases) {
      expect(existsSync(new URL(`${name}/input.Dockerfile`, root)), name).toBe(true);
      expect(existsSync(new URL(`${name}/expected.Dockerfile`, root)), name).toBe(true);
    }
  });

  for (const name of cases) {
    it(name, () => {
      const input = read(name, "input.Dockerfile");
      const expected = read(name, "expected.Dockerfile");
      const options: FormatOptions = existsSync(new URL(`${name}/options.json`, root)) ? JSON.parse(read(name, "options.json")) : {};
      const result = format(input, options);
      expect(result.text).toBe(expected);
      expect(result.changed).toBe(expected !== input);
      expect(format(expected, options).text, "formatting again changes nothing").toBe(expected);
      expect(meaningDifferences(input, result.text)).toEqual([]);
      if (!input.includes("\r")) expect(format(crlf(input), options).text, "CRLF input gives CRLF output").toBe(crlf(expected));
    });
  }

  it("leaves a file with syntax errors untouched and reports them", () => {
    const input = read("syntax-error", "input.Dockerfile");
    const result = format(input);
    expect(result.text).toBe(input);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["DF003", "DF007"]);
  });
});
