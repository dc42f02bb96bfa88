/**
 * Values kept per key under the version of the data they were made from, a bounded number of
 * them. A value is made at most once per key and version: requests that ask while it is being
 * made share it. One that fails is not kept (the next request makes it again); without a
 * version (the data has none yet) nothing is kept. The caller reads the version before making
 * the value, so a kept value is never older than its version.
 */
export class KeptByVersion<Value> {
  private readonly kept = new Map<string, { readonly version: string; readonly value: Promise<Value> }>();

  constructor(private readonly capacity: number) {}

  /** What is kept for `key`, if anything: its version and its value. */
  keptFor(key: string): { readonly version: string; readonly value: Promise<Value> } | undefined {
    return this.kept.get(key);
  }

  /** The value of `key` as of `version`: the one kept under it, or `make`'s, kept in its place. */
  of(key: string, version: string | undefined, make: () => Promise<Value>): Promise<Value> {
    const kept = this.kept.get(key);
    if (version !== undefined && kept?.version === version) return kept.value;
    const value = make();
    if (version === undefined) return value;
    const entry = { version, value };
    // Most recently made last: a full map drops the value made longest ago.
    this.kept.delete(key);
    if (this.kept.size >= this.capacity) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, entry);
    value.catch(() => {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    });
    return value;
  }
}
