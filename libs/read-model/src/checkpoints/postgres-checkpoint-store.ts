import type { DataSource, EntityManager } from 'typeorm';
import type {
  CheckpointAdvance,
  CheckpointMove,
  CheckpointPosition,
  CheckpointStore,
  CheckpointWork,
} from './checkpoint-store';

interface PositionRow {
  name: string;
  checkpoint: string | null;
  events_processed: string;
}

/** Rolls the transaction back when the compare-and-set found the checkpoint moved. */
class CheckpointMoved extends Error {}

const positionOf = (row: Pick<PositionRow, 'checkpoint' | 'events_processed'>): CheckpointPosition => ({
  checkpoint: row.checkpoint,
  eventsProcessed: Number(row.events_processed),
});

const START: CheckpointPosition = { checkpoint: null, eventsProcessed: 0 };

/** The checkpoints as rows of `projection_checkpoints` (ProjectionCheckpointRow), beside the read models. */
export class PostgresCheckpointStore implements CheckpointStore {
  constructor(private readonly dataSource: DataSource) {}

  async position(name: string): Promise<CheckpointPosition> {
    await this.dataSource.query(
      'INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING',
      [name],
    );
    const [row]: PositionRow[] = await this.dataSource.query(
      'SELECT checkpoint, events_processed FROM projection_checkpoints WHERE name = $1',
      [name],
    );
    return row === undefined ? START : positionOf(row);
  }

  async positions(names: readonly string[]): Promise<CheckpointPosition[]> {
    const rows: PositionRow[] = await this.dataSource.query(
      'SELECT name, checkpoint, events_processed FROM projection_checkpoints WHERE name = ANY($1)',
      [names],
    );
    const byName = new Map(rows.map((row) => [row.name, positionOf(row)]));
    return names.map((name) => byName.get(name) ?? START);
  }

  async advance(
    name: string,
    from: string | null,
    to: { readonly checkpoint: string; readonly events: number },
    work?: CheckpointWork<void>,
  ): Promise<boolean> {
    // Without work the move is one statement, its own transaction.
    if (work === undefined) return (await this.move(this.dataSource.manager, name, from, to)) === 1;
    try {
      await this.dataSource.transaction(async (manager) => {
        if ((await this.move(manager, name, from, to)) !== 1) throw new CheckpointMoved();
        await work(manager);
      });
      return true;
    } catch (error) {
      if (error instanceof CheckpointMoved) return false;
      throw error;
    }
  }

  async advanceTogether(moves: readonly CheckpointMove[]): Promise<boolean[]> {
    if (moves.length === 1) {
      const [{ name, from, to, work }] = moves;
      return [await this.advance(name, from, to, work)];
    }
    if (new Set(moves.map(({ name }) => name)).size !== moves.length)
      throw new Error('advanceTogether: each checkpoint moves once');
    if (moves.length === 0) return [];
    return this.dataSource.transaction(async (manager) => {
      // Locked in name order, as every runner locks them: two runners' batches wait for each
      // other instead of deadlocking. Then each compare-and-set is a comparison with a locked row.
      const locked: Array<Pick<PositionRow, 'name' | 'checkpoint'>> = await manager.query(
        'SELECT name, checkpoint FROM projection_checkpoints WHERE name = ANY($1) ORDER BY name FOR UPDATE',
        [moves.map(({ name }) => name)],
      );
      const stored = new Map(locked.map((row) => [row.name, row.checkpoint]));
      const moved = moves.map(({ name, from }) => stored.has(name) && stored.get(name) === from);
      const moving = moves.filter((_, index) => moved[index]);
      if (moving.length === 0) return moved;
      // Asynchronous commit, as `move` says why.
      await manager.query(
        `UPDATE projection_checkpoints AS stored
            SET checkpoint = moving.checkpoint, events_processed = stored.events_processed + moving.events,
                updated_at = now()
           FROM unnest($1::text[], $2::text[], $3::bigint[]) AS moving (name, checkpoint, events),
                (SELECT set_config('synchronous_commit', 'off', true)) AS asynchronous_commit
          WHERE stored.name = moving.name`,
        [
          moving.map(({ name }) => name),
          moving.map(({ to }) => to.checkpoint),
          moving.map(({ to }) => to.events),
        ],
      );
      for (const { work } of moving) await work?.(manager);
      return moved;
    });
  }

  /**
   * The compare-and-set; how many rows it moved (0 or 1). A batch lost in a crash is lost
   * with its checkpoint and projected again: the read models are derived, so the commit
   * need not wait for the WAL flush (synchronous_commit off for this transaction only, set
   * by the statement itself rather than by one more round trip).
   */
  private async move(
    manager: EntityManager,
    name: string,
    from: string | null,
    to: { readonly checkpoint: string; readonly events: number },
  ): Promise<number> {
    const [, moved] = (await manager.query(
      `UPDATE projection_checkpoints
          SET checkpoint = $2, events_processed = events_processed + $3, updated_at = now()
         FROM (SELECT set_config('synchronous_commit', 'off', true)) AS asynchronous_commit
        WHERE name = $1 AND checkpoint IS NOT DISTINCT FROM $4::text`,
      [name, to.checkpoint, to.events, from],
    )) as [unknown, number];
    return moved;
  }

  async restart(name: string, work: CheckpointWork<void>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await work(manager);
      await manager.query(
        `INSERT INTO projection_checkpoints (name) VALUES ($1)
         ON CONFLICT (name) DO UPDATE SET checkpoint = NULL, events_processed = 0, updated_at = now()`,
        [name],
      );
    });
  }

  takeOver(
    to: string,
    from: string,
    work: (manager: EntityManager, from: CheckpointPosition) => Promise<CheckpointAdvance>,
  ): Promise<CheckpointPosition> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        'INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING',
        [to],
      );
      await manager.query('SELECT 1 FROM projection_checkpoints WHERE name = $1 FOR UPDATE', [to]);
      const [row]: PositionRow[] = await manager.query(
        'SELECT checkpoint, events_processed FROM projection_checkpoints WHERE name = $1 FOR UPDATE',
        [from],
      );
      if (row === undefined) throw new Error(`no checkpoint ${from} to take over`);
      const start = positionOf(row);
      const beyond = await work(manager, start);
      const taken: CheckpointPosition = {
        checkpoint: beyond.checkpoint,
        eventsProcessed: start.eventsProcessed + beyond.events,
      };
      await manager.query(
        'UPDATE projection_checkpoints SET checkpoint = $2, events_processed = $3, updated_at = now() WHERE name = $1',
        [to, taken.checkpoint, taken.eventsProcessed],
      );
      await manager.query('DELETE FROM projection_checkpoints WHERE name = $1', [from]);
      return taken;
    });
  }
}
