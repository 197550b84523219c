// What the rules of one lint share (a RUN's invocations, a file's package runs, its labels), worked out once
// per lint. It is kept for the lint in progress only, not in a WeakMap keyed by that lint's objects: V8's
// young-generation collector keeps a WeakMap's entries alive, so every file's results were copied and promoted
// to the old generation until the next full collection, which made garbage collection a third of linting.

/** A per-lint cache: values by key, for the latest lint only (lints run one at a time, synchronously). */
export class LintMemo<K, V> {
  #lint: unknown = null;
  #values = new Map<K, V>();

  /** The value for `key` in the lint `lint` (an object that lives as long as it: its scripts(), its model). */
  get(lint: object, key: K, compute: () => V): V {
    if (this.#lint !== lint) {
      this.#lint = lint;
      this.#values = new Map();
    }
    let value = this.#values.get(key);
    if (value === undefined) {
      value = compute();
      this.#values.set(key, value);
    }
    return value;
  }
}
