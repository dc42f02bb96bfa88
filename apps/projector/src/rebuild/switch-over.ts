import type { DataSource } from 'typeorm';
import type { EventStore } from '@l10k/eventstore';
import type { Projection } from '@l10k/read-model';
import { applyEvents } from '../runner/apply-batch';
import { liveBinding, shadowBinding } from '../runner/projection-binding';
import { replaceTable } from './shadow-tables';

export interface SwitchResult {
  readonly checkpoint: string | null;
  readonly eventsProcessed: number;
  /** Events written after the rebuild's last batch, applied inside the switch. */
  readonly tailEvents: number;
}

/**
 * Makes the rebuilt tables live in ONE transaction. It first locks the live checkpoint
 * row, which a live runner's batch also locks first: a batch in flight finishes before,
 * and the next one's compare-and-set fails after (the checkpoint moved), so that runner
 * re-reads it and continues from the rebuild's position on the new tables. The tail
 * written since the rebuild's last batch is applied under the lock, then tables swap.
 */
export async function switchOver(
  dataSource: DataSource,
  store: EventStore,
  projection: Projection,
  batchSize: number,
): Promise<SwitchResult> {
  const live = liveBinding(projection);
  const shadow = shadowBinding(projection);
  return dataSource.transaction(async (manager) => {
    await manager.query(
      'INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING',
      [live.checkpointName],
    );
    await manager.query('SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE', [
      live.checkpointName,
    ]);
    const rows: Array<{ checkpoint: string | null; events_processed: string }> = await manager.query(
      'SELECT checkpoint, events_processed FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
      [shadow.checkpointName],
    );
    if (rows.length === 0) throw new Error(`no rebuild of ${projection.name} to switch to`);
    let checkpoint = rows[0].checkpoint;
    let tailEvents = 0;
    for await (const batch of store.readAll({ from: checkpoint ?? undefined, batchSize })) {
      await applyEvents(manager, shadow, batch);
      checkpoint = batch[batch.length - 1].checkpoint;
      tailEvents += batch.length;
    }
    for (const table of projection.tables) await replaceTable(manager, table, shadow.tables[table]);
    const eventsProcessed = Number(rows[0].events_processed) + tailEvents;
    await manager.query(
      'UPDATE projection_checkpoints SET checkpoint = $2, events_processed = $3, updated_at = now() WHERE name = $1',
      [live.checkpointName, checkpoint, eventsProcessed],
    );
    await manager.query('DELETE FROM projection_checkpoints WHERE name = $1', [shadow.checkpointName]);
    return { checkpoint, eventsProcessed, tailEvents };
  });
}
