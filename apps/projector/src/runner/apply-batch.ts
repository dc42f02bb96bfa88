import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '@l10k/eventstore';
import type { ProjectionBinding } from './projection-binding';

class CheckpointMoved extends Error {}

/** Runs every event of the batch through the projection's handler, in order, inside the caller's transaction. */
export async function applyEvents(
  manager: EntityManager,
  binding: ProjectionBinding,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events) await binding.projection.handle(manager, event, binding.tables);
}

/**
 * Applies a batch and moves the checkpoint from `expected` to the batch's last event in ONE
 * transaction. The compare-and-set comes first: its row lock serialises runners of the same
 * projection, and the loser (whose `expected` is stale once the winner commits) updates no
 * row, rolls back without having applied anything, and answers false.
 */
export async function applyBatch(
  dataSource: DataSource,
  binding: ProjectionBinding,
  expected: string | null,
  events: readonly RecordedEvent[],
): Promise<boolean> {
  const last = events[events.length - 1];
  if (last === undefined) return true;
  try {
    await dataSource.transaction(async (manager) => {
      const [, moved] = (await manager.query(
        `UPDATE projection_checkpoints
            SET checkpoint = $2, events_processed = events_processed + $3, updated_at = now()
          WHERE name = $1 AND checkpoint IS NOT DISTINCT FROM $4::text`,
        [binding.checkpointName, last.checkpoint, events.length, expected],
      )) as [unknown, number];
      if (moved !== 1) throw new CheckpointMoved();
      await applyEvents(manager, binding, events);
    });
    return true;
  } catch (error) {
    if (error instanceof CheckpointMoved) return false;
    throw error;
  }
}

/** The binding's checkpoint, creating its row (at the start of the log) on first use. */
export async function readCheckpoint(manager: EntityManager, checkpointName: string): Promise<string | null> {
  await manager.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [
    checkpointName,
  ]);
  const rows: Array<{ checkpoint: string | null }> = await manager.query(
    'SELECT checkpoint FROM projection_checkpoints WHERE name = $1',
    [checkpointName],
  );
  return rows[0]?.checkpoint ?? null;
}
