import type { CheckpointStore, Projection } from '@l10k/read-model';

/**
 * How long the log is, for a progress bar, without reading it: the live checkpoints have
 * counted the events they processed. (A first run has none: the bar then grows.)
 */
export async function estimatedLogLength(
  checkpoints: CheckpointStore,
  projections: readonly Projection[],
): Promise<number> {
  const live = await checkpoints.positions(projections.map((projection) => projection.name));
  return Math.max(0, ...live.map((position) => position.eventsProcessed));
}
