import { liveTables, type Projection, type TableNames } from '@l10k/read-model';

/** A projection aimed at a checkpoint row and a set of physical tables. */
export interface ProjectionBinding {
  readonly projection: Projection;
  /** Its row in `projection_checkpoints`. */
  readonly checkpointName: string;
  readonly tables: TableNames;
}

/** A rebuild writes `<table>__rebuild` and keeps its place in `<name>__rebuild` until the switch. */
export const SHADOW_SUFFIX = '__rebuild';

export const liveBinding = (projection: Projection): ProjectionBinding => ({
  projection,
  checkpointName: projection.name,
  tables: liveTables(projection),
});

export const shadowBinding = (projection: Projection): ProjectionBinding => ({
  projection,
  checkpointName: `${projection.name}${SHADOW_SUFFIX}`,
  tables: Object.fromEntries(projection.tables.map((table) => [table, `${table}${SHADOW_SUFFIX}`])),
});
