// Configuration files: dflint's `.dflint.yaml` and hadolint's `.hadolint.yaml`, read as hadolint reads
// them (the same keys, the same meaning), into lint settings plus the command line's own knobs
// (failure threshold, no-fail). Pure: the CLI finds and reads the files and hands the text here.
// Unlike hadolint, which skips unknown keys, a misspelt key is an error naming it: a silently
// ignored `ignore:` (for `ignored:`) would turn nothing off and nobody would notice.
import { createRequire } from "node:module";
import { isIndentWidth, MAX_INDENT, type FormatOptions } from "../format/format-options.js";
import { findRules } from "./registry.js";
import type { Level } from "./rule.js";
import type { LabelType, LintSettings } from "./settings.js";

/** hadolint's `failure-threshold`: fail on findings at or above a level, or never (`none`). */
export type FailureThreshold = Level | "none";

/** Which tool's file this is; `format` means the output format in hadolint's, the formatter's section in dflint's. */
export type ConfigKind = "dflint" | "hadolint";

export interface LintConfig {
  settings: Partial<LintSettings>;
  failureThreshold?: FailureThreshold;
  noFail?: boolean;
  /** hadolint's `no-color`. */
  noColor?: boolean;
  /** hadolint's `verbose`. */
  verbose?: boolean;
  /** hadolint's `format` (tty, json, checkstyle, sarif, gnu, gitlab_codeclimate, ...), as written. */
  outputFormat?: string;
  /** dflint's `shellcheck`: false keeps ShellCheck off even when it is installed. */
  shellcheck?: boolean;
  /** dflint's `format:` section: the formatter's options. */
  formatter?: FormatOptions;
}

export type ConfigResult = { ok: true; config: LintConfig; warnings: string[] } | { ok: false; error: string };

export const LEVELS: readonly Level[] = ["error", "warning", "info", "style"];
export const THRESHOLDS: readonly string[] = [...LEVELS, "none", "ignore"];
export const LABEL_TYPES: readonly LabelType[] = ["text", "url", "rfc3339", "spdx", "hash", "semver", "email"];

// The keys hadolint's configuration reads (Hadolint.Config.Configuration), and the ones dflint adds.
const HADOLINT_KEYS = [
  "ignored",
  "override",
  "trustedRegistries",
  "label-schema",
  "strict-labels",
  "failure-threshold",
  "no-fail",
  "disable-ignore-pragma",
  "no-color",
  "verbose",
  "format",
] as const;
const DFLINT_KEYS = [...HADOLINT_KEYS, "experimental", "shellcheck"] as const;

// hadolint's own codes and ShellCheck's: a .hadolint.yaml names them freely, and one that dflint does
// not have is no typo.
const FOREIGN_CODE = /^(DL|SC)\d{4}$/i;

class ConfigError extends Error {}

/** Reads configuration YAML. `source` names the file in messages. Never throws. */
export function parseConfigText(text: string, kind: ConfigKind, source = kind === "hadolint" ? ".hadolint.yaml" : ".dflint.yaml"): ConfigResult {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  const problem = doc.errors[0];
  if (problem) {
    const at = problem.linePos?.[0] ?? lines.linePos(problem.pos[0]);
    const where = at ? ` at line ${at.line}, column ${at.col}` : "";
    const why = problem.message.replace(/ at line \d+, column \d+.*$/s, "");
    return { ok: false, error: `${source}: not valid YAML${where}: ${why}` };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, error: `${source}: not valid YAML: ${(e as Error).message}` };
  }
  return parseConfigObject(value, kind, source);
}

/** Reads a configuration already parsed from YAML or JSON. Never throws. */
export function parseConfigObject(value: unknown, kind: ConfigKind, source = kind === "hadolint" ? ".hadolint.yaml" : ".dflint.yaml"): ConfigResult {
  const warnings: string[] = [];
  try {
    return { ok: true, config: readConfig(value, kind, source, warnings), warnings };
  } catch (e) {
    if (e instanceof ConfigError) return { ok: false, error: `${source}: ${e.message}` };
    throw e;
  }
}

function readConfig(value: unknown, kind: ConfigKind, source: string, warnings: string[]): LintConfig {
  const config: LintConfig = { settings: {} };
  if (value === null || value === undefined) return config; // an empty file
  if (!isMapping(value)) throw new ConfigError(`expected a mapping of settings (like 'ignored: [DL3008]'), got ${describe(value)}`);
  const known: readonly string[] = kind === "dflint" ? DFLINT_KEYS : HADOLINT_KEYS;
  const settings = config.settings;
  const note = (key: string, name: string) => {
    if (/^SC\d+$/i.test(name)) return; // ShellCheck's codes are rules when ShellCheck runs (shellcheck-rule.ts)
    const msg = `${source}: '${key}' names '${name}', which is no dflint rule`;
    // A hadolint or ShellCheck code dflint lacks is expected in a hadolint file; anything else is likely a typo.
    warnings.push(FOREIGN_CODE.test(name) ? `${msg} (skipped)` : `${msg}; check the spelling`);
  };
  for (const [key, v] of Object.entries(value)) {
    if (!known.includes(key)) throw new ConfigError(`unknown key '${key}'${suggestion(key, known)}; valid keys: ${known.join(", ")}`);
    switch (key) {
      case "ignored":
        settings.ignored = new Set(ruleList(v, key, note));
        break;
      case "experimental":
        settings.experimental = new Set(ruleList(v, key, note, true));
        break;
      case "override": {
        if (v === null) break;
        if (!isMapping(v)) throw new ConfigError(`'override' must map error, warning, info or style to lists of rule codes, got ${describe(v)}`);
        const overrides = new Map<string, Level>();
        for (const sub of Object.keys(v)) {
          if (!(LEVELS as readonly string[]).includes(sub)) throw new ConfigError(`unknown key 'override.${sub}'${suggestion(sub, LEVELS)}; valid keys: ${LEVELS.join(", ")}`);
        }
        // hadolint applies the style list first and the error list last, so error wins a code listed twice.
        for (const level of [...LEVELS].reverse()) {
          for (const code of ruleList(v[level], `override.${level}`, note)) overrides.set(code, level);
        }
        settings.overrides = overrides;
        break;
      }
      case "trustedRegistries":
        settings.trustedRegistries = stringList(v, key, "registry names like 'docker.io'");
        break;
      case "label-schema": {
        if (v === null) break;
        if (!isMapping(v)) throw new ConfigError(`'label-schema' must map label names to types (${LABEL_TYPES.join(", ")}), got ${describe(v)}`);
        const schema = new Map<string, LabelType>();
        for (const [label, type] of Object.entries(v)) {
          if (typeof type !== "string" || !(LABEL_TYPES as readonly string[]).includes(type)) {
            throw new ConfigError(`'label-schema.${label}' must be one of ${LABEL_TYPES.join(", ")}, got ${describe(type)}`);
          }
          schema.set(label, type as LabelType);
        }
        settings.labelSchema = schema;
        break;
      }
      case "strict-labels":
        settings.strictLabels = bool(v, key);
        break;
      case "disable-ignore-pragma":
        settings.disableIgnorePragma = bool(v, key);
        break;
      case "failure-threshold":
        config.failureThreshold = threshold(v, key);
        break;
      case "no-fail":
        config.noFail = bool(v, key);
        break;
      case "no-color":
        config.noColor = bool(v, key);
        break;
      case "verbose":
        config.verbose = bool(v, key);
        break;
      case "shellcheck":
        config.shellcheck = bool(v, key);
        break;
      case "format":
        // hadolint's is the output format; dflint's is the formatter's section.
        if (kind === "hadolint") {
          if (typeof v !== "string") throw new ConfigError(`'format' must be an output format name like 'json', got ${describe(v)}`);
          config.outputFormat = v;
        } else config.formatter = formatterOptions(v);
        break;
    }
  }
  return config;
}

const FORMAT_KEYS = ["indent", "break-chains", "shell"] as const;

// `format: { indent: 4 | tab, break-chains: true, shell: false }`
function formatterOptions(v: unknown): FormatOptions {
  if (v === null) return {};
  if (!isMapping(v)) throw new ConfigError(`'format' must be the formatter's settings (like 'indent: 4'), got ${describe(v)}; the output format is --format`);
  const options: FormatOptions = {};
  for (const [key, value] of Object.entries(v)) {
    switch (key) {
      case "indent":
        if (value !== "tab" && !isIndentWidth(value)) throw new ConfigError(`'format.indent' must be a number of spaces from 1 to ${MAX_INDENT} or 'tab', got ${describe(value)}`);
        options.indent = value;
        break;
      case "break-chains":
        options.breakChains = bool(value, "format.break-chains");
        break;
      case "shell":
        options.shell = bool(value, "format.shell");
        break;
      default:
        throw new ConfigError(`unknown key 'format.${key}'${suggestion(key, FORMAT_KEYS)}; valid keys: ${FORMAT_KEYS.join(", ")}`);
    }
  }
  return options;
}

/** Reads a failure threshold as written in a file or on the command line; undefined when it is none of them. */
export function parseThreshold(value: string): FailureThreshold | undefined {
  const v = value.trim().toLowerCase();
  // hadolint reads `ignore` and `none` alike; dflint takes both to mean "never fail".
  if (v === "none" || v === "ignore") return "none";
  return (LEVELS as readonly string[]).includes(v) ? (v as Level) : undefined;
}

function threshold(v: unknown, key: string): FailureThreshold {
  const t = typeof v === "string" ? parseThreshold(v) : undefined;
  if (!t) throw new ConfigError(`'${key}' must be one of error, warning, info, style, none, got ${describe(v)}`);
  return t;
}

function bool(v: unknown, key: string): boolean {
  if (typeof v !== "boolean") throw new ConfigError(`'${key}' must be true or false, got ${describe(v)}`);
  return v;
}

function stringList(v: unknown, key: string, what: string): string[] {
  if (v === null || v === undefined) return [];
  // hadolint documents `trustedRegistries: string | [string]`; one string is taken as a list of one.
  const items = typeof v === "string" ? [v] : v;
  if (!Array.isArray(items)) throw new ConfigError(`'${key}' must be a list of ${what}, got ${describe(v)}`);
  return items.map((item, i) => {
    if (typeof item !== "string" || item.trim() === "") throw new ConfigError(`'${key}[${i}]' must be a non-empty string, got ${describe(item)}`);
    return item.trim();
  });
}

/** Rule codes, names or aliases; each known one becomes its rule's code (a shared alias, each of its rules' codes). */
function ruleList(v: unknown, key: string, note: (key: string, name: string) => void, allowAll = false): string[] {
  return stringList(v, key, "rule codes like 'DL3008'").flatMap((name) => {
    if (allowAll && name.toLowerCase() === "all") return ["all"];
    const rules = findRules(name);
    if (rules.length) return rules.map((r) => r.code);
    note(key, name);
    return [name];
  });
}

/**
 * Command-line rule lists (--ignore, --error, ...): each item is a code, name or alias, or several
 * separated by commas. Returns the codes and the names that match no rule.
 */
export function resolveRuleNames(items: readonly string[]): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    for (const part of item.split(",")) {
      const name = part.trim();
      if (!name) continue;
      const rules = findRules(name);
      if (rules.length) codes.push(...rules.map((r) => r.code));
      else {
        if (name.toLowerCase() !== "all") unknown.push(name);
        codes.push(name);
      }
    }
  }
  return { codes, unknown };
}

/** Whether an unknown rule name is one of hadolint's or ShellCheck's codes (not a typo). */
export function isForeignCode(name: string): boolean {
  return FOREIGN_CODE.test(name);
}

/**
 * Layers configurations, later over earlier: lists and sets join, overrides of the same rule and
 * single values are replaced.
 */
export function mergeConfigs(...layers: readonly LintConfig[]): LintConfig {
  const out: LintConfig = { settings: {} };
  for (const layer of layers) {
    const s = layer.settings;
    const o = out.settings;
    if (s.ignored) o.ignored = new Set([...(o.ignored ?? []), ...s.ignored]);
    if (s.experimental) o.experimental = new Set([...(o.experimental ?? []), ...s.experimental]);
    if (s.overrides) o.overrides = new Map([...(o.overrides ?? []), ...s.overrides]);
    if (s.trustedRegistries) o.trustedRegistries = [...new Set([...(o.trustedRegistries ?? []), ...s.trustedRegistries])];
    if (s.labelSchema) o.labelSchema = new Map([...(o.labelSchema ?? []), ...s.labelSchema]);
    if (s.buildArgs) o.buildArgs = { ...o.buildArgs, ...s.buildArgs };
    if (s.strictLabels !== undefined) o.strictLabels = s.strictLabels;
    if (s.disableIgnorePragma !== undefined) o.disableIgnorePragma = s.disableIgnorePragma;
    if (s.dockerignore !== undefined) o.dockerignore = s.dockerignore;
    if (layer.failureThreshold !== undefined) out.failureThreshold = layer.failureThreshold;
    if (layer.noFail !== undefined) out.noFail = layer.noFail;
    if (layer.noColor !== undefined) out.noColor = layer.noColor;
    if (layer.verbose !== undefined) out.verbose = layer.verbose;
    if (layer.outputFormat !== undefined) out.outputFormat = layer.outputFormat;
    if (layer.shellcheck !== undefined) out.shellcheck = layer.shellcheck;
    if (layer.formatter) out.formatter = { ...out.formatter, ...layer.formatter };
  }
  return out;
}

const ORDER: Record<Level, number> = { error: 0, warning: 1, info: 2, style: 3 };

/** hadolint's rule: a finding fails the run when its level is at or above the threshold. */
export function isAtOrAbove(level: Level, threshold: FailureThreshold): boolean {
  return threshold !== "none" && ORDER[level] <= ORDER[threshold];
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "a list";
  return "a mapping";
}

function suggestion(key: string, known: readonly string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? ` (did you mean '${best}'?)` : "";
}

/** Levenshtein distance, for "did you mean". */
export function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

// The YAML library is a third of what a lint loads, and most runs find no config file: it loads on first use.
let yamlModule: typeof import("yaml") | undefined;
function yaml(): typeof import("yaml") {
  return (yamlModule ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));
}
