import type { EventStore } from '@l10k/eventstore';
import type { CheckpointStore } from '../checkpoints/checkpoint-store';

export interface ProjectionLag {
  readonly name: string;
  /** Null: the projection has processed nothing yet. */
  readonly checkpoint: string | null;
  readonly eventsProcessed: number;
  /** Events in the log after the checkpoint; only when asked for (it reads them all). */
  readonly behindEvents?: number;
  /** now − recordedAt of the first unprocessed event; 0 when caught up. */
  readonly lagMs: number;
}

export interface ProjectionLagOptions {
  readonly now?: Date;
  readonly countBehind?: boolean;
}

/**
 * How far each projection is behind the log, from its stored checkpoint: for
 * `/health/ready` (one event read per projection) and the CLI's `status` (counts too).
 */
export async function projectionLag(
  store: EventStore,
  checkpoints: CheckpointStore,
  names: readonly string[],
  options: ProjectionLagOptions = {},
): Promise<ProjectionLag[]> {
  const positions = await checkpoints.positions(names);
  const now = options.now ?? new Date();
  return Promise.all(
    names.map(async (name, index): Promise<ProjectionLag> => {
      const { checkpoint, eventsProcessed } = positions[index];
      let firstUnprocessed: Date | undefined;
      let behind = 0;
      for await (const batch of store.readAll({
        from: checkpoint ?? undefined,
        batchSize: options.countBehind ? 5_000 : 1,
      })) {
        firstUnprocessed ??= batch[0]?.recordedAt;
        behind += batch.length;
        if (!options.countBehind) break;
      }
      return {
        name,
        checkpoint,
        eventsProcessed,
        ...(options.countBehind ? { behindEvents: behind } : {}),
        lagMs: firstUnprocessed === undefined ? 0 : Math.max(0, now.getTime() - firstUnprocessed.getTime()),
      };
    }),
  );
}
