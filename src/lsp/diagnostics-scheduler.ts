// When to lint: right away when a document opens, and after a pause in typing when it changes, so
// that a burst of keystrokes costs one lint. A newer change reschedules the pending one.

export class DiagnosticsScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly publish: (uri: string) => void) {}

  /** Lints `uri` after `delay` milliseconds, replacing any pending lint of it. */
  schedule(uri: string, delay: number): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.publish(uri);
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
