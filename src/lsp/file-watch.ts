// Watching configuration and ignore files for clients that cannot watch them for the server
// (LSP's didChangeWatchedFiles with dynamic registration): one non-recursive watcher per directory
// a document's settings came from. A directory that cannot be watched is simply not watched.
import { watch, type FSWatcher } from "node:fs";

/** The file names whose change means the settings must be read again. */
export function isSettingsFile(name: string): boolean {
  return /^\.(dflint|hadolint)\.ya?ml$/.test(name) || name === ".dockerignore" || name.endsWith(".dockerignore");
}

export class DirectoryWatcher {
  private readonly watchers = new Map<string, FSWatcher>();

  constructor(private readonly onChange: () => void) {}

  /** Watches these directories too (the ones already watched stay). */
  add(dirs: readonly string[]): void {
    for (const dir of dirs) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = watch(dir, { persistent: false }, (_event, name) => {
          if (name && isSettingsFile(name.toString())) this.onChange();
        });
        watcher.on("error", () => this.remove(dir));
        this.watchers.set(dir, watcher);
      } catch {
        // Missing, unreadable or out of watches: settings are read again when the document reopens.
      }
    }
  }

  private remove(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
  }

  dispose(): void {
    for (const dir of [...this.watchers.keys()]) this.remove(dir);
  }
}
