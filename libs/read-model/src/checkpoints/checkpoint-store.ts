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

  /**
   * Several projections' `advance` in ONE transaction (the live projector's batch, DESIGN.md
   * "Projections": each projection's rows still move with its own checkpoint's compare-and-set).
   * Answers, per move, whether it moved: a move that finds its checkpoint moved runs nothing
   * and does not hold the others back. If any work fails nothing is committed and the error is
   * thrown; the caller can then advance each on its own, so one failing projection does not
   * stop the rest. Names are distinct.
   */
  advanceTogether(moves: readonly CheckpointMove[]): Promise<boolean[]>;

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

/** One projection's part of `advanceTogether`: as `advance`'s arguments. */
export interface CheckpointMove {
  readonly name: string;
  readonly from: string | null;
  readonly to: { readonly checkpoint: string; readonly events: number };
  readonly work?: CheckpointWork<void>;
}

/** How far some work went beyond a position. */
export interface CheckpointAdvance {
  readonly checkpoint: string | null;
  readonly events: number;
}
