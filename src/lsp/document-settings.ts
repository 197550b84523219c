// The settings each open Dockerfile is linted with: its configuration file (found as the CLI finds
// it, or named in the editor's settings), the editor's settings over it, and the build context's
// .dockerignore. Resolved once per document and kept, the same object, until something changes,
// so the service's per-version cache stays valid.
import { dirname, isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { mergeConfigs } from "../lint/config.js";
import type { DocumentSettings } from "../service.js";
import { ConfigFinder, kindOf, type ConfigFile } from "../cli/find-config.js";
import { readDockerignore, type DockerignoreResult } from "../cli/read-dockerignore.js";
import type { ClientSettings } from "./client-settings.js";

export interface ResolvedSettings {
  document: DocumentSettings;
  debounce: number;
  /** Whether ShellCheck may check the document's scripts (`shellcheck: false` in its configuration says no). */
  shellcheck: boolean;
  /** Directories whose configuration or ignore files these settings came from (or would). */
  watched: string[];
}

export class SettingsResolver {
  private finder = new ConfigFinder();
  private byUri = new Map<string, Promise<ResolvedSettings>>();
  private ignoreFiles = new Map<string, Promise<DockerignoreResult | null>>();
  private readonly said = new Set<string>();

  constructor(
    private readonly clientSettings: (uri: string) => Promise<ClientSettings>,
    private readonly warn: (message: string) => void,
    /** Where dflint's rule pages are (a file: URL ending in `/`), when the package has them. */
    private readonly ruleDocs?: string,
  ) {}

  /** The settings of a document, read once until `invalidate`. */
  get(uri: string): Promise<ResolvedSettings> {
    let found = this.byUri.get(uri);
    if (!found) {
      found = this.resolve(uri);
      this.byUri.set(uri, found);
    }
    return found;
  }

  /** Forgets everything read: configuration files, ignore files and the editor's settings changed. */
  invalidate(): void {
    this.finder = new ConfigFinder();
    this.byUri.clear();
    this.ignoreFiles.clear();
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  private async resolve(uri: string): Promise<ResolvedSettings> {
    const path = filePath(uri);
    // The configuration and ignore files found by default are looked for while the editor answers for its
    // settings (a round trip), not after: a document's first diagnostics wait for all three. Unused when
    // the editor's settings name others.
    const ahead = path ? { file: this.finder.find(dirname(path)), ignore: readDockerignore(dirname(path), path, this.ignoreFiles) } : null;
    for (const unused of [ahead?.file, ahead?.ignore]) unused?.catch(() => {}); // awaited below when used
    const client = await this.clientSettings(uri);
    const base = { buildArgs: client.buildArgs ?? {} };
    if (!path || !ahead) {
      const merged = mergeConfigs(client.config, { settings: base });
      const document: DocumentSettings = { lint: merged.settings, format: merged.formatter, target: client.target, platform: client.platform, ruleDocs: this.ruleDocs };
      return { document, debounce: client.debounce, shellcheck: merged.shellcheck !== false, watched: [] };
    }
    const dir = dirname(path);
    let file: ConfigFile | null;
    if (client.configFile) {
      const named = isAbsolute(client.configFile) ? client.configFile : resolve(dir, client.configFile);
      file = { path: named, kind: kindOf(named) };
    } else file = await ahead.file;
    const loaded = await this.finder.load(file);
    let fileConfig = { settings: {} };
    if (loaded.ok) {
      fileConfig = loaded.config;
      for (const w of loaded.warnings) this.once(w);
    } else this.once(`${loaded.error}; linting with the defaults`);
    const context = client.context ? (isAbsolute(client.context) ? client.context : resolve(dir, client.context)) : dir;
    const ignore = context === dir ? await ahead.ignore : await readDockerignore(context, path, this.ignoreFiles);
    if (!ignore.ok) this.once(ignore.error);
    const merged = mergeConfigs(fileConfig, client.config, { settings: base });
    const document: DocumentSettings = {
      lint: { ...merged.settings, dockerignore: ignore.ok ? ignore.patterns : null },
      format: merged.formatter,
      target: client.target,
      platform: client.platform,
      ruleDocs: this.ruleDocs,
    };
    const watched = [...new Set([dir, context, ...(file ? [dirname(file.path)] : [])])];
    return { document, debounce: client.debounce, shellcheck: merged.shellcheck !== false, watched };
  }

  private once(message: string): void {
    if (this.said.has(message)) return;
    this.said.add(message);
    this.warn(message);
  }
}

/** The local path of a file: URI, or null for any other scheme (untitled buffers and the like). */
export function filePath(uri: string): string | null {
  if (!uri.startsWith("file:")) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
