/**
 * Reads one batch ahead: while the projections write batch N, the log's next batch is
 * already on its way, so the database and the fold overlap instead of taking turns.
 */
export class BatchReader<T> {
  private readonly iterator: AsyncIterator<T>;
  private ahead: Promise<IteratorResult<T>>;

  constructor(source: AsyncIterable<T>) {
    this.iterator = source[Symbol.asyncIterator]();
    this.ahead = this.fetch();
  }

  /** The next batch; undefined at the end of the log. */
  async next(): Promise<T | undefined> {
    const result = await this.ahead;
    if (result.done) return undefined;
    this.ahead = this.fetch();
    return result.value;
  }

  /** Ends the read: the batch in flight is awaited (and its failure dropped), then the source closed. */
  async close(): Promise<void> {
    const last = await this.ahead.catch(() => ({ done: true }) as IteratorResult<T>);
    if (!last.done) await this.iterator.return?.();
  }

  private fetch(): Promise<IteratorResult<T>> {
    const next = this.iterator.next();
    // Awaited by `next` or `close`; until then a failure must not count as unhandled.
    next.catch(() => undefined);
    return next;
  }
}
