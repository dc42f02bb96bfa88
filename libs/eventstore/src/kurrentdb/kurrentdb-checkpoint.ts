import type { Position } from '@kurrent/kurrentdb-client';
import { InvalidCheckpointError } from '../errors';
import type { Checkpoint } from '../event-store';

/** A KurrentDB checkpoint is the $all position: commit position first (what orders), then prepare. */
const PATTERN = /^kdb:(\d{1,20}):(\d{1,20})$/;

export function formatKurrentCheckpoint(position: Position): Checkpoint {
  return `kdb:${position.commit}:${position.prepare}`;
}

export function parseKurrentCheckpoint(checkpoint: Checkpoint): Position {
  const match = PATTERN.exec(checkpoint);
  if (!match) throw new InvalidCheckpointError(checkpoint);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
