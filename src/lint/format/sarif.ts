// `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF readers. One run; the rules
// that fired, with their docs, in tool.driver.rules; each result points at its rule by id and index.
// Regions are 1-based with UTF-16 columns (the run's columnKind), as dflint's ranges are; relative
// paths are given against %SRCROOT%, the directory dflint ran in. Fixes carry their edits.
import { LineIndex } from "../../syntax/line-index.js";
import { findRule } from "../registry.js";
import type { Level, Rule } from "../rule.js";
import { fingerprint } from "./gitlab.js";
import type { FileReport, FormatOptions } from "./report.js";
import { place } from "./report.js";

const SARIF_LEVEL: Record<Level, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note", style: "note" };

/** The SARIF log as an object (formatSarif prints it). */
export function sarifLog(reports: readonly FileReport[], options: FormatOptions = {}): Record<string, unknown> {
  const rules: Rule[] = [];
  const ruleIndex = new Map<string, number>();
  const used = new Set<string>();
  for (const r of reports) for (const f of r.findings) used.add(f.code);
  for (const code of [...used].sort()) {
    const rule = findRule(code);
    if (!rule) continue;
    ruleIndex.set(code, rules.length);
    rules.push(rule);
  }

  const results: Record<string, unknown>[] = [];
  for (const { file, text, findings } of reports) {
    let index: LineIndex | null = null;
    const location = artifactLocation(file);
    const seen = new Map<string, number>();
    for (const f of findings) {
      const p = place(f);
      const key = `${f.code}\0${p.line}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      const result: Record<string, unknown> = {
        ruleId: f.code,
        level: SARIF_LEVEL[f.level],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn } } }],
        partialFingerprints: { "dflint/v1": fingerprint(`${file}\0${f.code}\0${lineText(text, f.range.start.offset)}\0${n}`) },
        properties: { dflintLevel: f.level, rule: f.rule, ...(f.aliases.length ? { aliases: [...f.aliases] } : {}) },
      };
      const i = ruleIndex.get(f.code);
      if (i !== undefined) result.ruleIndex = i;
      if (f.fix && f.fix.edits.length) {
        index ??= new LineIndex(text);
        const lines = index;
        result.fixes = [
          {
            description: { text: f.fix.safety === "safe" ? "Safe fix (applied by dflint --fix)." : "Unsafe fix: it may change what is built (applied by dflint --fix --unsafe-fixes)." },
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: f.fix.edits.map((e) => {
                  const s = lines.position(e.start);
                  const t = lines.position(e.end);
                  return {
                    deletedRegion: { startLine: s.line + 1, startColumn: s.character + 1, endLine: t.line + 1, endColumn: t.character + 1 },
                    insertedContent: { text: e.text },
                  };
                }),
              },
            ],
          },
        ];
      }
      results.push(result);
    }
  }

  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "dflint",
            ...(options.version ? { version: options.version, semanticVersion: options.version } : {}),
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { description: { text: "The directory dflint ran in." } } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}

/** `--format sarif`. */
export function formatSarif(reports: readonly FileReport[], options: FormatOptions = {}): string {
  return JSON.stringify(sarifLog(reports, options), null, 2) + "\n";
}

function ruleDescriptor(rule: Rule): Record<string, unknown> {
  const { docs } = rule;
  const fix = rule.fix ? `${rule.fix.safety === "safe" ? "Safe" : "Unsafe"} fix: ${rule.fix.why}` : "No automatic fix.";
  const markdown = [
    docs.summary,
    "",
    docs.rationale,
    "",
    "Bad:",
    "",
    "```dockerfile",
    docs.bad,
    "```",
    "",
    "Good:",
    "",
    "```dockerfile",
    docs.good,
    "```",
    "",
    fix,
  ].join("\n");
  const off = rule.level === "ignore" || rule.status === "experimental";
  return {
    id: rule.code,
    name: rule.name,
    shortDescription: { text: docs.summary },
    fullDescription: { text: docs.rationale },
    help: { text: `${docs.summary} ${docs.rationale}\n\nBad:\n${docs.bad}\n\nGood:\n${docs.good}\n\n${fix}`, markdown },
    defaultConfiguration: { enabled: !off, level: rule.level === "ignore" ? "note" : SARIF_LEVEL[rule.level] },
    properties: {
      tags: [...new Set([rule.source, ...(rule.aliases ?? [])])],
      ...(rule.aliases?.length ? { aliases: [...rule.aliases] } : {}),
      ...(rule.fix ? { fix: rule.fix.safety } : {}),
    },
  };
}

/** A file as a SARIF artifact location: relative paths against %SRCROOT%, absolute ones as file URIs. */
function artifactLocation(file: string): Record<string, string> {
  const slashed = file.replace(/\\/g, "/");
  const drive = /^[A-Za-z]:\//.test(slashed);
  if (slashed.startsWith("/") || drive) {
    const path = (drive ? "/" : "") + slashed;
    return { uri: "file://" + path.split("/").map(encodeSegment).join("/") };
  }
  const rel = slashed.replace(/^(\.\/)+/, "");
  return { uri: rel.split("/").map(encodeSegment).join("/"), uriBaseId: "%SRCROOT%" };
}

// encodeURIComponent, keeping the characters a path segment may hold as they are (a drive's `C:`).
function encodeSegment(s: string): string {
  return encodeURIComponent(s).replace(/%3A/gi, ":").replace(/%40/g, "@").replace(/%2B/gi, "+").replace(/%24/g, "$").replace(/%3D/gi, "=").replace(/%2C/gi, ",");
}

function lineText(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  let end = offset;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  return text.slice(start, end).trim();
}
