import type { EventStore, RecordedEvent } from '@l10k/eventstore';
import type { CheckpointStore, Projection } from '@l10k/read-model';
import { ProjectionRunner } from '../runner/projection-runner';
import { createShadowTables } from './shadow-tables';
import { switchOver, type SwitchResult } from './switch-over';

export interface RebuildProgress {
  /** Called once the log has been counted (it may still grow while the rebuild runs). */
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
  /** Events in the log when the rebuild started (each projection replays all of them). */
  readonly totalEvents: number;
  readonly seconds: number;
}

const DEFAULT_BATCH_SIZE = 1_000;

/** Events in the whole log, counted through the port (works with either adapter). */
export async function countEvents(store: EventStore): Promise<number> {
  let count = 0;
  for await (const batch of store.readAll({ batchSize: 5_000 })) count += batch.length;
  return count;
}

/**
 * Replays the whole log into shadow tables, then switches each projection over when it
 * has caught up (switch-over.ts). Until the switch, readers and the live runner keep
 * using the live tables, untouched; a rebuild that dies leaves them as they were.
 */
export async function rebuildProjections(options: RebuildOptions): Promise<RebuildReport> {
  const { store, checkpoints, projections, progress } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const started = Date.now();
  const totalEvents = await countEvents(store);
  for (const projection of projections) await createShadowTables(checkpoints, projection);
  progress?.start(
    projections.map((projection) => projection.name),
    totalEvents,
  );
  const runner = new ProjectionRunner({
    store,
    checkpoints,
    projections,
    batchSize,
    target: 'rebuild',
    onBatch: (name: string, events: readonly RecordedEvent[]) => progress?.advance(name, events.length),
  });
  try {
    await runner.catchUp();
  } finally {
    progress?.stop();
  }
  const switched = [];
  for (const projection of projections) {
    switched.push({
      name: projection.name,
      ...(await switchOver(checkpoints, store, projection, batchSize)),
    });
  }
  return { projections: switched, totalEvents, seconds: (Date.now() - started) / 1000 };
}
