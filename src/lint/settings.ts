// The settings a lint runs with, once configuration files, pragmas and flags are merged (config.ts
// reads files; the core only sees this).
import type { Level } from "./rule.js";

export type LabelType = "text" | "url" | "rfc3339" | "spdx" | "hash" | "semver" | "email";

export interface LintSettings {
  /** Rules turned off, by code, name or alias. */
  ignored: ReadonlySet<string>;
  /** Level overrides by code, name or alias; `off` turns a rule off, any level turns an off rule on. */
  overrides: ReadonlyMap<string, Level | "off">;
  /** Experimental rules turned on, or "all". */
  experimental: ReadonlySet<string>;
  trustedRegistries: readonly string[];
  labelSchema: ReadonlyMap<string, LabelType>;
  strictLabels: boolean;
  disableIgnorePragma: boolean;
  buildArgs: Readonly<Record<string, string>>;
  /** .dockerignore patterns of the build context, when known. */
  dockerignore: readonly string[] | null;
}

export const DEFAULT_SETTINGS: LintSettings = {
  ignored: new Set(),
  overrides: new Map(),
  experimental: new Set(),
  trustedRegistries: [],
  labelSchema: new Map(),
  strictLabels: false,
  disableIgnorePragma: false,
  buildArgs: {},
  dockerignore: null,
};
