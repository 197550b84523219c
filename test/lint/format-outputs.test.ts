// The other output formats, each from the same findings: plain text, JSON, GNU, GitHub workflow
// commands, Checkstyle XML, GitLab Code Quality and the terminal's code frames.
import { describe, expect, it } from "vitest";
import { lint } from "../../src/index.js";
import type { Finding } from "../../src/lint/engine.js";
import { formatCheckstyle } from "../../src/lint/format/checkstyle.js";
import { formatGithub } from "../../src/lint/format/github.js";
import { fingerprint, formatGitlab } from "../../src/lint/format/gitlab.js";
import { formatGnu } from "../../src/lint/format/gnu.js";
import { findFormat, FORMATS } from "../../src/lint/format/index.js";
import { formatJson } from "../../src/lint/format/json.js";
import { formatText } from "../../src/lint/format/text.js";
import { formatTty } from "../../src/lint/format/tty.js";
import { LineIndex } from "../../src/syntax/line-index.js";

const TEXT = "FROM debian\nCOPY --form=build /a /b\n";
const { findings } = lint(TEXT);
const untagged = findings.find((f) => f.code === "DL3006")!;
const badFlag = findings.find((f) => f.code === "DF003")!;
const reports = [{ file: "app/Dockerfile", text: TEXT, findings: [untagged, badFlag] }];

/** A finding with a hostile message, to see each format escape it. */
function withMessage(f: Finding, message: string): Finding {
  return { ...f, message };
}

describe("text", () => {
  it("prints FILE:LINE:COL: LEVEL CODE message [name], one finding a line", () => {
    expect(formatText(reports)).toBe(
      `app/Dockerfile:1:6: warning DL3006 ${untagged.message} [image-untagged]\n` + `app/Dockerfile:2:8: error DF003 ${badFlag.message} [unknown-flag]\n`,
    );
    expect(formatText([{ file: "x", text: "", findings: [withMessage(untagged, "two\nlines")] }])).toContain("two lines [");
    expect(formatText([])).toBe("");
  });
});

describe("json", () => {
  it("is an array of findings with 1-based places and fixes with their edits", () => {
    const fixed: Finding = { ...untagged, fix: { safety: "unsafe", edits: [{ start: 11, end: 11, text: ":12" }] } };
    const out = JSON.parse(formatJson([{ file: "Dockerfile", text: TEXT, findings: [fixed, badFlag] }]));
    expect(out[0]).toEqual({
      file: "Dockerfile",
      line: 1,
      column: 6,
      endLine: 1,
      endColumn: 12,
      code: "DL3006",
      rule: "image-untagged",
      aliases: [],
      level: "warning",
      message: untagged.message,
      fix: { safety: "unsafe", edits: [{ start: 11, end: 11, line: 1, column: 12, endLine: 1, endColumn: 12, text: ":12" }] },
    });
    expect(out[1]).not.toHaveProperty("fix");
    expect(JSON.parse(formatJson([]))).toEqual([]);
  });
});

describe("gnu", () => {
  it("prints FILE:LINE.COL-ENDCOL: LEVEL: message, and info and style as notes", () => {
    expect(formatGnu(reports).split("\n")[0]).toBe(`app/Dockerfile:1.6-12: warning: ${untagged.message} [DL3006 image-untagged]`);
    const multi: Finding = { ...untagged, level: "style", range: new LineIndex(TEXT).range(0, 16) };
    expect(formatGnu([{ file: "D", text: TEXT, findings: [multi] }])).toBe(`D:1.1-2.5: note: ${untagged.message} [DL3006 image-untagged]\n`);
  });
});

describe("github", () => {
  it("prints workflow commands with the whole range and escapes data and properties", () => {
    expect(formatGithub(reports).split("\n")[1]).toBe(`::error file=app/Dockerfile,line=2,col=8,endLine=2,endColumn=12,title=DF003 unknown-flag::${badFlag.message}`);
    const nasty = withMessage({ ...untagged, level: "info" }, "50% done\nnext: a,b");
    expect(formatGithub([{ file: "a,b:c.Dockerfile", text: TEXT, findings: [nasty] }])).toBe(
      "::notice file=a%2Cb%3Ac.Dockerfile,line=1,col=6,endLine=1,endColumn=12,title=DL3006 image-untagged::50%25 done%0Anext: a,b\n",
    );
  });
});

describe("checkstyle", () => {
  it("prints Checkstyle XML with escaped attributes, a file element for every file", () => {
    const nasty = withMessage(untagged, `Image <"debian"> & 'co'\u0001`);
    const out = formatCheckstyle([{ file: "a&b/Dockerfile", text: TEXT, findings: [nasty] }, { file: "clean", text: "", findings: [] }]);
    expect(out).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n' +
        '  <file name="a&amp;b/Dockerfile">\n' +
        '    <error line="1" column="6" severity="warning" message="Image &lt;&quot;debian&quot;&gt; &amp; &apos;co&apos;" source="DL3006"/>\n' +
        "  </file>\n" +
        '  <file name="clean">\n  </file>\n' +
        "</checkstyle>\n",
    );
    expect(formatCheckstyle([{ file: "s", text: TEXT, findings: [{ ...untagged, level: "style" }] }])).toContain('severity="info"');
  });
});

describe("gitlab", () => {
  it("prints Code Quality issues with unique fingerprints that survive lines added above", () => {
    const out = JSON.parse(formatGitlab(reports));
    expect(out[0]).toEqual({
      type: "issue",
      check_name: "DL3006",
      description: `DL3006 ${untagged.message}`,
      categories: ["Bug Risk"],
      severity: "major",
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      location: { path: "app/Dockerfile", lines: { begin: 1, end: 1 } },
    });
    expect(out[1].severity).toBe("blocker");
    // The same file with a comment added on top: lines move, fingerprints stay.
    const moved = "# a comment\n" + TEXT;
    const again = JSON.parse(formatGitlab([{ file: "app/Dockerfile", text: moved, findings: lint(moved).findings.filter((f) => f.code === "DL3006" || f.code === "DF003") }]));
    expect(again.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(out.map((i: { fingerprint: string }) => i.fingerprint));
    expect(again[0].location.lines.begin).toBe(2);
    // Two identical findings on identical lines still differ.
    const twice = "FROM debian\nFROM debian\n";
    const two = JSON.parse(formatGitlab([{ file: "D", text: twice, findings: lint(twice).findings.filter((f) => f.code === "DL3006") }]));
    expect(new Set(two.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(2);
  });

  it("fingerprints are stable hex", () => {
    expect(fingerprint("x")).toBe(fingerprint("x"));
    expect(fingerprint("x")).not.toBe(fingerprint("y"));
    expect(fingerprint("")).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("tty", () => {
  it("shows each finding with a code frame underlining its range, then a summary", () => {
    const out = formatTty(reports);
    expect(out).toBe(
      `app/Dockerfile:1:6: warning DL3006 ${untagged.message} [image-untagged]\n` +
        " 1 | FROM debian\n" +
        "   |      ^^^^^^\n\n" +
        `app/Dockerfile:2:8: error DF003 ${badFlag.message} [unknown-flag]\n` +
        " 2 | COPY --form=build /a /b\n" +
        "   |        ^^^^\n\n" +
        "2 problems (1 error, 1 warning) in 1 of 1 file.\n",
    );
  });

  it("colours only when asked", () => {
    expect(formatTty(reports)).not.toContain("\x1b[");
    expect(formatTty(reports, { color: true })).toContain("\x1b[31;1merror\x1b[0m");
  });

  it("keeps tabs so the carets line up, and cuts long lines around the range", () => {
    const text = "FROM\tdebian\n";
    const f = lint(text).findings.find((x) => x.code === "DL3006")!;
    expect(formatTty([{ file: "D", text, findings: [f] }])).toContain(" 1 | FROM\tdebian\n   |     \t^^^^^^\n");
    const long = "FROM alpine:3.20\nRUN echo " + "x".repeat(300) + " && FORM\n";
    const idx = new LineIndex(long);
    const at = long.indexOf("FORM");
    const far: Finding = { ...untagged, range: idx.range(at, at + 4) };
    const frame = formatTty([{ file: "D", text: long, findings: [far] }]).split("\n");
    expect(frame[1]!.length).toBeLessThan(160);
    expect(frame[2]!.indexOf("^")).toBe(frame[1]!.indexOf("FORM"));
  });

  it("shows up to three lines of a multi-line range", () => {
    const text = "FROM alpine:3.20\nRUN a \\\n  b \\\n  c \\\n  d\n";
    const idx = new LineIndex(text);
    const f: Finding = { ...untagged, range: idx.range(text.indexOf("RUN"), text.length - 1) };
    const out = formatTty([{ file: "D", text, findings: [f] }]);
    expect(out).toContain(" 2 | RUN a \\\n   | ^^^^^^^\n 3 |   b \\\n   |   ^^^\n 4 |   c \\\n   |   ^^^\n   | ...\n");
  });

  it("summarises fixable findings and clean runs", () => {
    const fixable: Finding = { ...untagged, fix: { safety: "safe", edits: [] } };
    const unsafe: Finding = { ...badFlag, fix: { safety: "unsafe", edits: [] } };
    const out = formatTty([{ file: "D", text: TEXT, findings: [fixable, unsafe] }]);
    expect(out).toMatch(/1 fixable with --fix\. 1 more with --fix --unsafe-fixes\.\n$/);
    expect(formatTty([{ file: "D", text: TEXT, findings: [fixable, unsafe] }], { unsafeFixes: true })).toMatch(/2 fixable with --fix --unsafe-fixes\.\n$/);
    expect(formatTty([{ file: "a", text: "", findings: [] }, { file: "b", text: "", findings: [] }])).toBe("No problems found in 2 files.\n");
  });
});

describe("format names", () => {
  it("has every format the CLI offers, and hadolint's names for them", () => {
    expect(Object.keys(FORMATS).sort()).toEqual(["checkstyle", "github", "gitlab", "gnu", "json", "sarif", "text", "tty"]);
    expect(findFormat("gitlab_codeclimate")?.name).toBe("gitlab");
    expect(findFormat("JSON")?.name).toBe("json");
    expect(findFormat("codacy")).toBeUndefined();
  });
});
