import type { EntityManager } from 'typeorm';
import type { EventStore, ProjectedEvent } from '@l10k/eventstore';
import type { EventRouting } from './event-routing';

/** Logical table name → the physical table a run writes (the live table, or a rebuild's shadow). */
export type TableNames<Table extends string = string> = Readonly<Record<Table, string>>;

/**
 * Where a projection reads the earlier events of a stream whose fold it does not hold in
 * memory: the event store the batches come from, through its port (either adapter).
 */
export type StreamReader = Pick<EventStore, 'readStream'>;

/**
 * A read model's fold over a batch (DESIGN.md, "Projections"). `project` runs inside the
 * runner's transaction and writes only the tables it is given, so a rebuild can aim it at
 * shadow tables: it reads the rows the batch touches once, folds the batch in memory and
 * writes the touched rows with set-based statements. Idempotent: an event at or below a
 * row's `stream_revision` changes nothing.
 */
export interface Projection<Table extends string = string> {
  readonly name: string;
  /** The tables it owns, in the order a rebuild creates them. */
  readonly tables: readonly Table[];
  /** Which event types reach `project` (projectBatch routes them); every type of the domain is decided. */
  readonly events: EventRouting;
  /**
   * Receives, in log order, only the events whose types `events` marks 'handle' (never none).
   * `next`, when the runner has read it already, is what it will offer next (handled events
   * only, perhaps none): a projection may prepare it in memory while this batch's writes run,
   * never write it here. It may not come as announced, so what is prepared must be checked.
   */
  project(
    manager: EntityManager,
    events: readonly ProjectedEvent[],
    tables: TableNames<Table>,
    streams: StreamReader,
    next?: readonly ProjectedEvent[],
  ): Promise<void>;
}

/** The projection's own tables, unchanged: what the live runner writes. */
export const liveTables = <Table extends string>(projection: Projection<Table>): TableNames<Table> =>
  Object.fromEntries(projection.tables.map((table): [string, string] => [table, table])) as TableNames<Table>;
