/** A kept value: the version of the data it was made from, and the mark under which that version was last read. */
interface Kept<Value> {
  readonly version: string;
  readonly value: Promise<Value>;
  /** ReadModelMoves' mark taken before the version was last read; none when it was not listening. */
  heard?: string;
}

/**
 * Values kept per key under the version of the data they were made from, a bounded number of
 * them. A value is made at most once per key and version: requests that ask while it is being
 * made share it. One that fails is not kept (the next request makes it again); without a
 * version (the data has none yet) nothing is kept. The caller reads the version before making
 * the value, so a kept value is never older than its version.
 *
 * Each also holds the mark (read-model-moves.ts) taken before its version was last read: while
 * the mark of its data stays that one, nothing has been committed to it since, and the value
 * stands without reading the version again (`unmovedSince`).
 */
export class KeptByVersion<Value> {
  private readonly kept = new Map<string, Kept<Value>>();

  constructor(private readonly capacity: number) {}

  /** What is kept for `key`, if anything: its version and its value. */
  keptFor(key: string): Pick<Kept<Value>, 'version' | 'value'> | undefined {
    return this.kept.get(key);
  }

  /** The value kept for `key` if its version was read under `mark`, which still stands; else undefined. */
  unmovedSince(key: string, mark: string | undefined): Promise<Value> | undefined {
    if (mark === undefined) return undefined;
    const kept = this.kept.get(key);
    return kept?.heard === mark ? kept.value : undefined;
  }

  /**
   * The value of `key` as of `version`: the one kept under it, or `make`'s, kept in its place.
   * `heard`: the mark taken before `version` was read, kept with the value.
   */
  of(key: string, version: string | undefined, make: () => Promise<Value>, heard?: string): Promise<Value> {
    const kept = this.kept.get(key);
    if (version !== undefined && kept?.version === version) {
      kept.heard = heard;
      return kept.value;
    }
    const value = make();
    if (version === undefined) return value;
    const entry: Kept<Value> = { version, value, heard };
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
