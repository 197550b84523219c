// `--format gitlab`: GitLab's Code Quality report (a JSON array in Code Climate's issue shape), for
// `artifacts:reports:codequality`. GitLab matches issues between the base and the merge request by
// fingerprint, so it is built from what does not move when lines are added above: the file, the
// rule, the flagged line's text and how many times that same triple came before in the file.
import type { Formatter } from "./report.js";
import { place, splitLines } from "./report.js";

// hadolint's mapping (Hadolint.Formatter.Codeclimate).
const SEVERITY = { error: "blocker", warning: "major", info: "info", style: "minor" } as const;

export interface GitlabIssue {
  type: "issue";
  check_name: string;
  description: string;
  categories: string[];
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export const formatGitlab: Formatter = (reports) => {
  const issues: GitlabIssue[] = [];
  for (const { file, text, findings } of reports) {
    const lines = findings.length ? splitLines(text) : [];
    const seen = new Map<string, number>();
    for (const f of findings) {
      const p = place(f);
      const key = `${file}\0${f.code}\0${(lines[p.line - 1] ?? "").trim()}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      issues.push({
        type: "issue",
        check_name: f.code,
        description: `${f.code} ${f.message}`,
        categories: [f.level === "style" ? "Style" : "Bug Risk"],
        severity: SEVERITY[f.level],
        fingerprint: fingerprint(`${key}\0${n}`),
        location: { path: file, lines: { begin: p.line, end: p.endLine } },
      });
    }
  }
  return issues.length === 0 ? "[]\n" : `[\n${issues.map((i) => JSON.stringify(i)).join(",\n")}\n]\n`;
};

/** 128 bits of FNV-1a over the UTF-16 text, four seeds of 32 bits: stable, and no crypto import in the core. */
export function fingerprint(s: string): string {
  let out = "";
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let h = seed >>> 0;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    // A final mix, so that nearby inputs differ in every hex digit.
    h = Math.imul((h ^ (h >>> 16)) >>> 0, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}
