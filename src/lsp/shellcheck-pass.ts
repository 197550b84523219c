// ShellCheck in the editor, as on the command line: once a version of a document has been linted whole, its
// RUN scripts go to the `shellcheck` on PATH (found as the CLI finds it), in the background: ShellCheck takes
// tens of milliseconds per file, and the editor's other requests are answered meanwhile. When it answers and
// the document is still at that version, the version's findings include its SC comments and the caller
// publishes them. Each version is checked once. Without ShellCheck, or with `shellcheck: false`, nothing runs;
// a failing ShellCheck is said once in the log, and the other diagnostics stand.
import { findShellcheck, runShellcheck } from "../cli/run-shellcheck.js";
import type { DocumentSettings, LanguageService, ServiceDocument } from "../service.js";

export class ShellcheckPass {
  private path: string | null | undefined;
  /** The version of each document ShellCheck last ran on (or runs on). */
  private readonly checked = new Map<string, number>();
  private said = false;

  constructor(
    private readonly service: LanguageService,
    private readonly isCurrent: (uri: string, version: number) => boolean,
    private readonly log: (message: string) => void,
  ) {}

  /** Runs ShellCheck on the version once; true when its findings were added and should be published. */
  async check(doc: ServiceDocument, settings: DocumentSettings): Promise<boolean> {
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
    this.checked.delete(uri);
  }
}
