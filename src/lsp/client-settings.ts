// The editor's `dflint` settings (workspace/configuration, or initializationOptions for clients
// without it). They take the keys of a .dflint.yaml, layered over the configuration file as
// command-line options are, plus what only an editor sets: where the configuration file and the
// build context are, the build's target, platform and build args, and the typing debounce.
import { parseConfigObject, type LintConfig } from "../lint/config.js";

export interface ClientSettings {
  config: LintConfig;
  /** A configuration file to use instead of looking for one. */
  configFile?: string;
  /** The build context directory, when not each Dockerfile's own. */
  context?: string;
  target?: string;
  platform?: string;
  buildArgs?: Record<string, string>;
  /** Milliseconds to wait after a change before linting. */
  debounce: number;
}

export const DEFAULT_DEBOUNCE = 150;

const EDITOR_KEYS = ["configFile", "context", "target", "platform", "buildArgs", "debounce"] as const;

/** Reads the settings object; a bad key or value is named in `errors` and the rest still applies. */
export function readClientSettings(value: unknown): { settings: ClientSettings; errors: string[] } {
  const settings: ClientSettings = { config: { settings: {} }, debounce: DEFAULT_DEBOUNCE };
  const errors: string[] = [];
  if (value === null || value === undefined) return { settings, errors };
  if (typeof value !== "object" || Array.isArray(value)) {
    errors.push("dflint settings: expected an object of settings");
    return { settings, errors };
  }
  const config: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!(EDITOR_KEYS as readonly string[]).includes(key)) {
      config[key] = v;
      continue;
    }
    if (v === null || v === undefined || v === "") continue;
    switch (key) {
      case "configFile":
      case "context":
      case "target":
      case "platform":
        if (typeof v === "string") settings[key] = v;
        else errors.push(`dflint settings: '${key}' must be a string`);
        break;
      case "buildArgs":
        if (typeof v === "object" && !Array.isArray(v) && Object.values(v as object).every((x) => typeof x === "string")) settings.buildArgs = { ...(v as Record<string, string>) };
        else errors.push("dflint settings: 'buildArgs' must map names to string values");
        break;
      case "debounce":
        if (typeof v === "number" && v >= 0 && v <= 10_000) settings.debounce = v;
        else errors.push("dflint settings: 'debounce' must be a number of milliseconds from 0 to 10000");
        break;
    }
  }
  const parsed = parseConfigObject(config, "dflint", "dflint settings");
  if (parsed.ok) {
    settings.config = parsed.config;
    errors.push(...parsed.warnings);
  } else errors.push(parsed.error);
  return { settings, errors };
}
