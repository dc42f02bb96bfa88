import type { EventStore, ProjectedEvent } from '@l10k/eventstore';
import type { CheckpointStore, Projection } from '@l10k/read-model';
import { estimatedLogLength } from '../log-length';
import { ProjectionRunner } from '../runner/projection-runner';
import { createShadowTables, indexShadowTables } from './shadow-tables';
import { switchOver, type SwitchResult } from './switch-over';

export interface RebuildProgress {
  /** Called before the replay, with an estimate of the log's length (a bar grows past it if the log did). */
  start(projections: readonly string[], totalEvents: number): void;
  advance(projection: string, events: number): void;
  stop(): void;
}

export interface RebuildOptions {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly projections: readonly Projection[];
  readonly batchSize?: number;
  readonly progress?: RebuildProgress;
}

export interface RebuildReport {
  readonly projections: ReadonlyArray<{ readonly name: string } & SwitchResult>;
  /** Events the rebuild replayed (each projection replays all of them), the switch's tail included. */
  readonly totalEvents: number;
  readonly seconds: number;
}

/**
 * Large enough to spread each transaction's fixed cost over many events, small enough that
 * a rebuild's transactions stay short: while one is open it holds back the store's visible
 * frontier for the live runner too (postgres-read.ts).
 */
const DEFAULT_BATCH_SIZE = 2_000;

/**
 * Replays the whole log into shadow tables, then switches each projection over when it
 * has caught up (switch-over.ts). Until the switch, readers and the live runner keep
 * using the live tables, untouched; a rebuild that dies leaves them as they were.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildReport> {
  const { store, checkpoints, projections, progress } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const started = Date.now();
  for (const projection of projections) await createShadowTables(checkpoints, projection);
  progress?.start(
    projections.map((projection) => projection.name),
    await estimatedLogLength(checkpoints, projections),
  );
  const runner = new ProjectionRunner({
    store,
    checkpoints,
    projections,
    batchSize,
    target: 'rebuild',
    onBatch: (name: string, events: readonly ProjectedEvent[]) => progress?.advance(name, events.length),
  });
  try {
    await runner.catchUp();
  } finally {
    progress?.stop();
  }
  // Each projection's indexes and statistics in its own transaction, all at once: index builds
  // and ANALYZE use one core each, and the projections' tables are independent.
  const indexed = await Promise.allSettled(
    projections.map((projection) => indexShadowTables(checkpoints, projection)),
  );
  for (const outcome of indexed) if (outcome.status === 'rejected') throw outcome.reason;
  const switched = [];
  for (const projection of projections) {
    switched.push({
      name: projection.name,
      ...(await switchOver(checkpoints, store, projection, batchSize)),
    });
  }
  const totalEvents = Math.max(0, ...switched.map((projection) => projection.eventsProcessed));
  return { projections: switched, totalEvents, seconds: (Date.now() - started) / 1000 };
}
