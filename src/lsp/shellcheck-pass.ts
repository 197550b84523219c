// ShellCheck in the editor, as on the command line: once a version of a document has been linted whole and
// the document has rested a moment, its RUN scripts go to the `shellcheck` on PATH (found as the CLI finds
// it), in the background. ShellCheck takes tens of milliseconds per file, more on long ones, and writing its
// scripts and starting it cost the server's own thread a few: run for every keystroke, it would slow down
// the typing it follows. So it runs once typing pauses, one run per document at a time, for the version
// current by then. When it answers and the document is still at that version, the version's findings
// include its SC comments and the caller publishes them. Without ShellCheck, or with `shellcheck: false`,
// nothing runs; a failing ShellCheck is said once in the log, and the other diagnostics stand.
import { findShellcheck, runShellcheck } from "../cli/run-shellcheck.js";
import type { DocumentSettings, LanguageService, ServiceDocument } from "../service.js";

/** How long a document rests after its exact lint before ShellCheck runs on it. */
export const SHELLCHECK_QUIET_MS = 400;

export class ShellcheckPass {
  private path: string | null | undefined;
  /** The version of each document ShellCheck last ran on (or runs on). */
  private readonly checked = new Map<string, number>();
  /** The wait for each document to rest before ShellCheck runs. */
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  /** The run going on for each document. */
  private readonly running = new Map<string, Promise<void>>();
  private said = false;

  constructor(
    private readonly service: LanguageService,
    private readonly isCurrent: (uri: string, version: number) => boolean,
    private readonly log: (message: string) => void,
    private readonly quietMs = SHELLCHECK_QUIET_MS,
  ) {}

  /**
   * Runs ShellCheck on the version once the document has rested (a later call for the document starts the
   * wait again) and no run for it is going on; `publish` is called when its findings were added.
   */
  schedule(doc: ServiceDocument, settings: DocumentSettings, publish: () => void): void {
    if (this.checked.get(doc.uri) === doc.version) return;
    clearTimeout(this.waiting.get(doc.uri));
    const timer = setTimeout(() => {
      this.waiting.delete(doc.uri);
      void this.runAfterOthers(doc, settings, publish);
    }, this.quietMs);
    timer.unref();
    this.waiting.set(doc.uri, timer);
  }

  private async runAfterOthers(doc: ServiceDocument, settings: DocumentSettings, publish: () => void): Promise<void> {
    const before = this.running.get(doc.uri);
    if (before) await before;
    // Edited meanwhile: the newer version has its own wait.
    if (!this.isCurrent(doc.uri, doc.version) || this.running.has(doc.uri)) return;
    const run = this.check(doc, settings).then((added) => {
      if (added) publish();
    });
    this.running.set(doc.uri, run);
    try {
      await run;
    } finally {
      if (this.running.get(doc.uri) === run) this.running.delete(doc.uri);
    }
  }

  /** Runs ShellCheck on the version once; true when its findings were added and should be published. */
  private async check(doc: ServiceDocument, settings: DocumentSettings): Promise<boolean> {
    if (this.checked.get(doc.uri) === doc.version) return false;
    this.checked.set(doc.uri, doc.version);
    if (this.path === undefined) {
      this.path = findShellcheck();
      this.log(this.path ? `dflint: ShellCheck: ${this.path}` : "dflint: shellcheck is not on PATH; SC checks are off (install: apt-get install shellcheck)");
    }
    if (!this.path) return false;
    const inputs = this.service.shellcheckInputs(doc, settings);
    if (inputs.length === 0) return false;
    const output = await runShellcheck(this.path, inputs);
    if (!output.ok && !this.said) {
      this.said = true;
      this.log(`dflint: ShellCheck failed, SC checks are missing: ${output.error}`);
    }
    if (!output.ok || !this.isCurrent(doc.uri, doc.version)) return false;
    this.service.useShellcheck(doc, settings, output);
    return true;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    clearTimeout(this.waiting.get(uri));
    this.waiting.delete(uri);
    this.checked.delete(uri);
  }
}
