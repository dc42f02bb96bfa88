import { InvalidCheckpointError } from '../errors';
import type { Checkpoint } from '../event-store';

/**
 * A PostgreSQL checkpoint is the pair (transaction_id, global_position) — the global
 * order — kept as decimal strings so it passes to SQL and storage without conversions.
 */
export interface PostgresPosition {
  readonly transactionId: string;
  readonly globalPosition: string;
}

const PREFIX = 'pg:';
const PATTERN = /^pg:(\d{1,20}):(\d{1,19})$/;

export const START_POSITION: PostgresPosition = { transactionId: '0', globalPosition: '0' };

export function formatCheckpoint(transactionId: string, globalPosition: string): Checkpoint {
  return `${PREFIX}${transactionId}:${globalPosition}`;
}

export function parseCheckpoint(checkpoint: Checkpoint | undefined): PostgresPosition {
  if (checkpoint === undefined) return START_POSITION;
  const match = PATTERN.exec(checkpoint);
  if (!match) throw new InvalidCheckpointError(checkpoint);
  return { transactionId: match[1], globalPosition: match[2] };
}
