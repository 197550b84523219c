// When to lint: right away when a document opens, and after a pause in typing when it changes, so
// that a burst of keystrokes costs one lint. A lint that gave provisional findings (see
// service/incremental-lint.ts) is followed by an exact one once typing has paused a while longer.
// A newer change reschedules whatever is pending for the document.

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly publish: (uri: string, exact: boolean) => void) {}

  /** Lints `uri` after `delay` milliseconds (the whole file when `exact`), replacing any pending lint of it. */
  schedule(uri: string, delay: number, exact = false): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.publish(uri, exact);
    }, delay);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
