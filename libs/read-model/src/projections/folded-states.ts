import type { ExistingApplication } from '@l10k/domain';

/** How many applications' folds a table's memo keeps: a live batch or two, or a rebuild's last few batches. */
const DEFAULT_CAPACITY = 2_000;

export interface Kept {
  readonly revision: bigint;
  readonly state: ExistingApplication;
}

/**
 * The last folds of the applications a table's projection moved, in memory, so the next
 * batch need not fold the application again from its stream when the row still reflects
 * the revision kept here. An application's state after revision r is a fact of the
 * immutable log, so a kept fold stays true even when the transaction that made it rolled
 * back: it is only used for a row whose stored revision is the same. Least recently
 * moved applications are forgotten first.
 */
export class FoldedStates {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly capacity = DEFAULT_CAPACITY) {}

  /** The kept state of `applicationId` after exactly `revision`, if any. */
  stateAt(applicationId: string, revision: bigint): ExistingApplication | undefined {
    const kept = this.kept.get(applicationId);
    return kept !== undefined && kept.revision === revision ? kept.state : undefined;
  }

  /** The latest kept fold of `applicationId`, whatever its revision. */
  latest(applicationId: string): Kept | undefined {
    return this.kept.get(applicationId);
  }

  keep(applicationId: string, revision: bigint, state: ExistingApplication): void {
    this.kept.delete(applicationId);
    this.kept.set(applicationId, { revision, state });
    if (this.kept.size <= this.capacity) return;
    const [oldest] = this.kept.keys();
    this.kept.delete(oldest);
  }
}

/** One memo per database connection and physical table: a rebuild's shadow table has its own. */
const memos = new WeakMap<object, Map<string, FoldedStates>>();

export function foldedStatesOf(connection: object, table: string): FoldedStates {
  let byTable = memos.get(connection);
  if (byTable === undefined) {
    byTable = new Map();
    memos.set(connection, byTable);
  }
  let states = byTable.get(table);
  if (states === undefined) {
    states = new FoldedStates();
    byTable.set(table, states);
  }
  return states;
}
