import type { EntityManager } from 'typeorm';

/** Where a projection (or a rebuild of it) stands in the event log. */
export interface CheckpointPosition {
  /** Opaque store checkpoint: every event up to and including it is reflected. Null: the start of the log. */
  readonly checkpoint: string | null;
  readonly eventsProcessed: number;
}

/** Work done in the same transaction as a checkpoint's move, on the read models' database. */
export type CheckpointWork<T> = (manager: EntityManager) => Promise<T>;

/**
 * The projections' checkpoints (DESIGN.md, "Projections"). Every move happens in ONE
 * transaction with the work it records (a batch's writes, a rebuild's table swap), so the
 * read models and their checkpoints never disagree, whatever crashes.
 */
export interface CheckpointStore {
  /** The position of `name`, creating it at the start of the log on first use. */
  position(name: string): Promise<CheckpointPosition>;

  /** The positions of `names`, in that order; a name never used stands at the start. Creates nothing. */
  positions(names: readonly string[]): Promise<CheckpointPosition[]>;

  /**
   * Moves `name` from `from` to `to` (compare-and-set) and runs `work` in the same
   * transaction. The move comes first, so its row lock serialises runners of the same
   * projection: the loser finds the checkpoint moved, runs nothing, and gets false.
   * Without `work` (a batch with nothing for the projection) the move is all there is.
   */
  advance(
    name: string,
    from: string | null,
    to: { readonly checkpoint: string; readonly events: number },
    work?: CheckpointWork<void>,
  ): Promise<boolean>;

  /** Puts `name` back at the start of the log, in one transaction with `work` (a rebuild's fresh tables). */
  restart(name: string, work: CheckpointWork<void>): Promise<void>;

  /**
   * Hands `from`'s position over to `to` and forgets `from`, in one transaction with
   * `work`. `to` is locked first (as `advance` locks it), so a batch of `to` in flight
   * finishes before and the next one finds its checkpoint moved. `work` receives `from`'s
   * position and answers how far it went beyond it (a rebuild's tail); that becomes `to`'s.
   * Throws when `from` does not exist.
   */
  takeOver(
    to: string,
    from: string,
    work: (manager: EntityManager, from: CheckpointPosition) => Promise<CheckpointAdvance>,
  ): Promise<CheckpointPosition>;
}

/** How far some work went beyond a position. */
export interface CheckpointAdvance {
  readonly checkpoint: string | null;
  readonly events: number;
}
