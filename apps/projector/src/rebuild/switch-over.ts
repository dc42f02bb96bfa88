import type { EventStore } from '@l10k/eventstore';
import type { CheckpointStore, Projection } from '@l10k/read-model';
import { applyEvents } from '../runner/apply-batch';
import { liveBinding, shadowBinding } from '../runner/projection-binding';
import { replaceTable } from './shadow-tables';
import { fresh } from '@l10k/rules';

export interface SwitchResult {
  readonly checkpoint: string | null;
  readonly eventsProcessed: number;
  /** Events written after the rebuild's last batch, applied inside the switch. */
  readonly tailEvents: number;
}

/**
 * Makes the rebuilt tables live in ONE transaction (CheckpointStore.takeOver). It first
 * locks the live checkpoint, which a live runner's batch also locks first: a batch in
 * flight finishes before, and the next one's compare-and-set fails after (the checkpoint
 * moved), so that runner re-reads it and continues from the rebuild's position on the new
 * tables. The tail written since the rebuild's last batch is applied under the lock, then
 * tables swap.
 */
export async function switchOver(
  checkpoints: CheckpointStore,
  store: EventStore,
  projection: Projection,
  batchSize: number,
): Promise<SwitchResult> {
  const live = liveBinding(projection);
  const shadow = shadowBinding(projection);
  let tailEvents = 0;
  const switched = await checkpoints.takeOver(
    live.checkpointName,
    shadow.checkpointName,
    async (manager, rebuilt) => {
      let checkpoint = rebuilt.checkpoint;
      for await (const batch of store.readAllProjected({ from: checkpoint ?? undefined, batchSize })) {
        await applyEvents(manager, shadow, batch, store);
        checkpoint = batch[batch.length - 1].checkpoint;
        tailEvents += batch.length;
      }
      for (const table of projection.tables) await replaceTable(manager, table, shadow.tables[table]);
      return { checkpoint, events: tailEvents };
    },
  );
  return { ...fresh, ...switched, tailEvents };
}
