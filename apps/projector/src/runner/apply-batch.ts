import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@l10k/eventstore';
import type { CheckpointStore } from '@l10k/read-model';
import type { ProjectionBinding } from './projection-binding';

/** Runs every event of the batch through the projection's handler, in order, inside the caller's transaction. */
export async function applyEvents(
  manager: EntityManager,
  binding: ProjectionBinding,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events) await binding.projection.handle(manager, event, binding.tables);
}

/**
 * Applies a batch and moves the binding's checkpoint from `expected` to the batch's last
 * event in ONE transaction (CheckpointStore.advance). False when another runner moved the
 * checkpoint first: then nothing was applied.
 */
export function applyBatch(
  checkpoints: CheckpointStore,
  binding: ProjectionBinding,
  expected: string | null,
  events: readonly RecordedEvent[],
): Promise<boolean> {
  const last = events[events.length - 1];
  if (last === undefined) return Promise.resolve(true);
  return checkpoints.advance(
    binding.checkpointName,
    expected,
    { checkpoint: last.checkpoint, events: events.length },
    (manager) => applyEvents(manager, binding, events),
  );
}
