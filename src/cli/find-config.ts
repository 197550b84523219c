// Where a Dockerfile's configuration comes from: the nearest `.dflint.yaml` or `.hadolint.yaml` found
// walking up from its directory to the repository root (the directory holding .git), else the user's
// file: $XDG_CONFIG_HOME/dflint/config.yaml (~/.config when unset), then hadolint's own places
// ($XDG_CONFIG_HOME/hadolint.yaml, ~/.hadolint/hadolint.yaml or config.yaml, ~/.hadolint.yaml).
// Files are read and parsed once each; lookups are cached per directory.
import { ioReason } from "../build/io-reason.js";
import { stat, readFile } from "./fs-async.js";
import { homedir } from "node:os";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { parseConfigText, type ConfigKind, type LintConfig } from "../lint/config.js";

export interface ConfigFile {
  path: string;
  kind: ConfigKind;
}

export type LoadedConfig = { ok: true; file: ConfigFile | null; config: LintConfig; warnings: string[] } | { ok: false; error: string };

// In one directory, dflint's own file wins over hadolint's.
const PROJECT_FILES: readonly ConfigFile[] = [
  { path: ".dflint.yaml", kind: "dflint" },
  { path: ".dflint.yml", kind: "dflint" },
  { path: ".hadolint.yaml", kind: "hadolint" },
  { path: ".hadolint.yml", kind: "hadolint" },
];

/** The kind of an explicitly named file: hadolint's when its name says so. */
export function kindOf(path: string): ConfigKind {
  return /hadolint/i.test(basename(path)) ? "hadolint" : "dflint";
}

/** The user-level configuration files, in the order they are tried. */
export function userConfigFiles(env: NodeJS.ProcessEnv = process.env): ConfigFile[] {
  const home = env.HOME || env.USERPROFILE || homedir();
  const xdg = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, ".config");
  return [
    { path: join(xdg, "dflint", "config.yaml"), kind: "dflint" },
    { path: join(xdg, "dflint", "config.yml"), kind: "dflint" },
    { path: join(xdg, "hadolint.yaml"), kind: "hadolint" },
    { path: join(xdg, "hadolint.yml"), kind: "hadolint" },
    { path: join(home, ".hadolint", "hadolint.yaml"), kind: "hadolint" },
    { path: join(home, ".hadolint", "hadolint.yml"), kind: "hadolint" },
    { path: join(home, ".hadolint", "config.yaml"), kind: "hadolint" },
    { path: join(home, ".hadolint", "config.yml"), kind: "hadolint" },
    { path: join(home, ".hadolint.yaml"), kind: "hadolint" },
    { path: join(home, ".hadolint.yml"), kind: "hadolint" },
  ];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Finds and loads configuration files, remembering what it found. */
export class ConfigFinder {
  private readonly byDir = new Map<string, Promise<ConfigFile | null>>();
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private userFile: Promise<ConfigFile | null> | null = null;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** The configuration file that applies to files in `dir`, if any. */
  find(dir: string): Promise<ConfigFile | null> {
    const key = resolve(dir);
    let found = this.byDir.get(key);
    if (!found) {
      found = this.lookUp(key);
      this.byDir.set(key, found);
    }
    return found;
  }

  private async lookUp(dir: string): Promise<ConfigFile | null> {
    for (const f of PROJECT_FILES) {
      const path = join(dir, f.path);
      if (await isFile(path)) return { path, kind: f.kind };
    }
    const parent = dirname(dir);
    // The repository root ends the walk; outside a repository it goes on to the filesystem root.
    if (parent === dir || (await exists(join(dir, ".git")))) return this.user();
    return this.find(parent);
  }

  private user(): Promise<ConfigFile | null> {
    this.userFile ??= (async () => {
      for (const f of userConfigFiles(this.env)) if (await isFile(f.path)) return f;
      return null;
    })();
    return this.userFile;
  }

  /** Reads and parses a configuration file (once). */
  load(file: ConfigFile | null): Promise<LoadedConfig> {
    if (!file) return Promise.resolve({ ok: true, file: null, config: { settings: {} }, warnings: [] });
    let result = this.loaded.get(file.path);
    if (!result) {
      result = (async (): Promise<LoadedConfig> => {
        let text: string;
        try {
          text = await readFile(file.path, "utf8");
        } catch (e) {
          return { ok: false, error: `cannot read configuration ${file.path}: ${ioReason(e)}` };
        }
        const parsed = parseConfigText(text, file.kind, file.path);
        return parsed.ok ? { ok: true, file, config: parsed.config, warnings: parsed.warnings } : parsed;
      })();
      this.loaded.set(file.path, result);
    }
    return result;
  }
}
