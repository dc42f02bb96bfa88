import type { ProjectedEvent } from '@l10k/eventstore';

/** A batch as the runner offers it: its length and the places of its first and last events. */
const batchOf = (events: readonly ProjectedEvent[]): string =>
  `${events.length} ${events[0]?.checkpoint} ${events[events.length - 1]?.checkpoint}`;

/**
 * What a projection prepared of the batch after the one it was writing (Projection.project's
 * `next`), kept per connection and per set of physical tables (a rebuild's shadows have their
 * own) until a batch's turn takes it: the prepared one if that batch is the very one, nothing
 * otherwise. One at most: the runner offers a projection one batch at a time.
 */
export class PreparedAhead<Prepared> {
  private readonly slots = new WeakMap<
    object,
    Map<string, { readonly batch: string; readonly prepared: Prepared }>
  >();

  keep(connection: object, tables: string, events: readonly ProjectedEvent[], prepared: Prepared): void {
    let byTables = this.slots.get(connection);
    if (byTables === undefined) {
      byTables = new Map();
      this.slots.set(connection, byTables);
    }
    byTables.set(tables, { batch: batchOf(events), prepared });
  }

  take(connection: object, tables: string, events: readonly ProjectedEvent[]): Prepared | undefined {
    const byTables = this.slots.get(connection);
    const kept = byTables?.get(tables);
    byTables?.delete(tables);
    return kept?.batch === batchOf(events) ? kept.prepared : undefined;
  }
}
