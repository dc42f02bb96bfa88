import type { EntityManager } from 'typeorm';
import type { ProjectedEvent } from '@l10k/eventstore';
import {
  handledEvents,
  handledNext,
  projectBatch,
  type CheckpointStore,
  type StreamReader,
} from '@l10k/read-model';
import type { ProjectionBinding } from './projection-binding';

/**
 * Offers the batch to the projection inside the caller's transaction (projectBatch routes its
 * events); `streams` is the store the batch was read from.
 */
export function applyEvents(
  manager: EntityManager,
  binding: ProjectionBinding,
  events: readonly ProjectedEvent[],
  streams: StreamReader,
): Promise<void> {
  return projectBatch(manager, binding.projection, events, binding.tables, streams);
}

/**
 * Applies a batch (read from `streams`) and moves the binding's checkpoint from `expected` to the batch's last
 * event in ONE transaction (CheckpointStore.advance). False when another runner moved the
 * checkpoint first: then nothing was applied. A batch with nothing for the projection (no
 * event of a type it handles) only moves the checkpoint, in one statement. `next` is the
 * batch read after this one, if any, for the projection to prepare while this one is written.
 */
export function applyBatch(
  checkpoints: CheckpointStore,
  binding: ProjectionBinding,
  expected: string | null,
  events: readonly ProjectedEvent[],
  streams: StreamReader,
  next?: readonly ProjectedEvent[],
): Promise<boolean> {
  const last = events[events.length - 1];
  if (last === undefined) return Promise.resolve(true);
  const handled = handledEvents(binding.projection, events);
  return checkpoints.advance(
    binding.checkpointName,
    expected,
    { checkpoint: last.checkpoint, events: events.length },
    handled.length === 0
      ? undefined
      : (manager) =>
          binding.projection.project(
            manager,
            handled,
            binding.tables,
            streams,
            handledNext(binding.projection, next),
          ),
  );
}

/** A binding's part of a batch: the events it moves its checkpoint over, from where it was stored. */
export interface BatchStep {
  readonly binding: ProjectionBinding;
  readonly from: string | null;
  readonly events: readonly ProjectedEvent[];
}

/**
 * applyBatch for several bindings in ONE transaction (CheckpointStore.advanceTogether): per
 * step, whether it moved. Throws, having committed nothing, when any step's work fails.
 */
export function applyBatchTogether(
  checkpoints: CheckpointStore,
  steps: readonly BatchStep[],
  streams: StreamReader,
): Promise<boolean[]> {
  return checkpoints.advanceTogether(
    steps.map(({ binding, from, events }) => {
      const handled = handledEvents(binding.projection, events);
      return {
        name: binding.checkpointName,
        from,
        to: { checkpoint: events[events.length - 1].checkpoint, events: events.length },
        work:
          handled.length === 0
            ? undefined
            : (manager: EntityManager) =>
                binding.projection.project(manager, handled, binding.tables, streams),
      };
    }),
  );
}
