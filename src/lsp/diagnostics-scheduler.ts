// When to lint: right away when a document opens, and after a pause in typing when it changes, so
// that a burst of keystrokes costs one lint. A lint that gave provisional findings (see
// service/incremental-lint.ts) is followed by an exact one once typing has paused a while longer.
// A newer change reschedules whatever is pending for the document. No delay means the next turn of
// the event loop, not a timer: Node holds a timer of 0 ms for at least 1 ms, a fifth of an edit's
// whole round trip on 2,000 lines.

export class DiagnosticsScheduler {
  /** How to cancel each document's pending lint. */
  private readonly pending = new Map<string, () => void>();

  constructor(private readonly publish: (uri: string, exact: boolean) => void) {}

  /** Lints `uri` after `delay` milliseconds (the whole file when `exact`), replacing any pending lint of it. */
  schedule(uri: string, delay: number, exact = false): void {
    this.cancel(uri);
    const run = () => {
      this.pending.delete(uri);
      this.publish(uri, exact);
    };
    if (delay > 0) {
      const timer = setTimeout(run, delay);
      this.pending.set(uri, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(run);
      this.pending.set(uri, () => clearImmediate(immediate));
    }
  }

  cancel(uri: string): void {
    this.pending.get(uri)?.();
    this.pending.delete(uri);
  }

  dispose(): void {
    for (const cancel of this.pending.values()) cancel();
    this.pending.clear();
  }
}
