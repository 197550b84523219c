import type { KeyValue } from "../../syntax/tree.js";
import type { TextEdit } from "../rule.js";
import { defineRule } from "../rule.js";
import { isGoSpace } from "../../syntax/go-text.js";
import { valueRuns } from "../../syntax/value-offsets.js";
import { valueSpan } from "./util/buildkit-support.js";

/** Offsets of the unquoted blanks in a value, or null when its quotes do not close. */
function unquotedBlanks(value: string, escape: string): number[] | null {
  const blanks: number[] = [];
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
    } else if (quote === '"') {
      if (c === escape) i++;
      else if (c === '"') quote = null;
    } else if (c === escape) i++;
    else if (c === "'" || c === '"') quote = c;
    // BuildKit splits `k=v` words on any Unicode space (\f, \v, NBSP, ...), not only on spaces and tabs.
    else if (isGoSpace(c.charCodeAt(0))) blanks.push(i);
  }
  return quote === null ? blanks : null;
}

/**
 * Edits that turn `KEY value` into `KEY=value` with the same meaning. BuildKit expands the legacy value
 * as one word (quotes removed, nothing split); a `k=v` value is one quote-aware word expanded the same
 * way, so blanks outside quotes must be protected: by double quotes when the value has no quotes or
 * escapes of its own, otherwise by escaping each blank.
 */
function keyValueEdits(text: string, kv: KeyValue, escape: string): TextEdit[] | null {
  if (kv.value === null || kv.valueRange === null || /["'\s]/.test(kv.key) || kv.key.includes(escape)) return null;
  const blanks = unquotedBlanks(kv.value, escape);
  if (blanks === null) return null;
  const sepStart = kv.keyRange.end.offset;
  const valueStart = kv.valueRange.start.offset;
  const valueEnd = kv.valueRange.end.offset;
  if (blanks.length === 0) return [{ start: sepStart, end: valueStart, text: "=" }];
  if (!/["']/.test(kv.value) && !kv.value.includes(escape)) {
    return [
      { start: sepStart, end: valueStart, text: '="' },
      { start: valueEnd, end: valueEnd, text: '"' },
    ];
  }
  // The value is the tail of the pair's text (continuations joined); map each blank back to the source.
  let joined = "";
  for (const [, start, length] of valueRuns(kv)) joined += text.slice(start, start + length);
  const base = joined.length - kv.value.length;
  if (base < 0 || !joined.endsWith(kv.value)) return null;
  const edits: TextEdit[] = [{ start: sepStart, end: valueStart, text: "=" }];
  for (const b of blanks) {
    const at = valueSpan(kv, base + b, base + b + 1).start;
    edits.push({ start: at, end: at, text: escape });
  }
  return edits;
}

export default defineRule({
  code: "DF209",
  name: "legacy-key-value-format",
  aliases: ["LegacyKeyValueFormat"],
  level: "warning",
  source: "buildkit",
  docs: {
    summary: "Write ENV and LABEL as `key=value`.",
    rationale:
      "The legacy `ENV key value` form takes the whole rest of the line as one value, cannot set two variables at once, and is deprecated; `key=value` says where the value ends.",
    bad: "FROM alpine:3.20\nENV APP_HOME /srv/app",
    good: "FROM alpine:3.20\nENV APP_HOME=/srv/app",
  },
  fix: { safety: "safe", why: "The value is quoted or escaped so that it expands to exactly what the legacy form gave.", changes: "key-value-form" },
  check({ text, tree, model, report }) {
    // BuildKit warns when it dispatches ENV and LABEL, so only instructions in a stage (not ONBUILD triggers).
    for (const stage of model.stages) {
      for (const ins of stage.instructions) {
        if ((ins.name !== "ENV" && ins.name !== "LABEL") || ins.form !== "legacy-key-value") continue;
        const kv = ins.args[0];
        if (kv?.kind !== "key-value" || kv.separator !== "") continue;
        const edits = keyValueEdits(text, kv, tree.escape) ?? undefined;
        report({
          range: kv.range,
          message: `${ins.name} ${kv.key} uses the legacy "${ins.name} key value" form; write "${ins.name} ${kv.key}=value".`,
          edits,
        });
      }
    }
  },
});
