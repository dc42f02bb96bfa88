import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@l10k/eventstore';
import { projectEvent, type CheckpointStore } from '@l10k/read-model';
import type { ProjectionBinding } from './projection-binding';

/** Offers every event of the batch to the projection, in order, inside the caller's transaction (projectEvent routes them). */
export async function applyEvents(
  manager: EntityManager,
  binding: ProjectionBinding,
  events: readonly RecordedEvent[],
): Promise<void> {
  for (const event of events) await projectEvent(manager, binding.projection, event, binding.tables);
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
