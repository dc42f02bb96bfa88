import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@l10k/eventstore';
import {
  PostgresCheckpointStore,
  readModelEntities,
  readModelProjections,
  type CheckpointStore,
} from '@l10k/read-model';
import { readModelSnapshot } from '../../../libs/read-model/test';
import { createTestDatabase } from '../../../test/test-database';
import { rebuildProjections } from '../src/rebuild/rebuild-projections';

export interface ProjectorFixture {
  readonly url: string;
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  readonly checkpoints: CheckpointStore;
  close(): Promise<void>;
}

/** A fresh migrated database with the PostgreSQL event store, a read-model DataSource and the checkpoints on it. */
export async function startProjectorFixture(purpose: string): Promise<ProjectorFixture> {
  return connectProjector(await createTestDatabase(purpose));
}

/** Connections of its own to the database at `url`, as a second projector process would have. */
export async function connectProjector(url: string): Promise<ProjectorFixture> {
  const store = await PostgresEventStore.connect({ connectionString: url });
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: readModelEntities,
    extra: { max: 20 },
  });
  await dataSource.initialize();
  return {
    url,
    store,
    dataSource,
    checkpoints: new PostgresCheckpointStore(dataSource),
    close: async () => {
      await store.close();
      await dataSource.destroy();
    },
  };
}

/**
 * Every read table as the fixture's projections left it, then as a rebuild of all of them
 * from the whole log leaves it: after any crash or race the two must be equal (DESIGN.md).
 */
export async function liveAndRebuilt(
  fixture: ProjectorFixture,
  batchSize?: number,
): Promise<{ live: Record<string, unknown[]>; rebuilt: Record<string, unknown[]> }> {
  const live = await readModelSnapshot(fixture.dataSource.manager);
  await rebuildProjections({
    store: fixture.store,
    checkpoints: fixture.checkpoints,
    projections: readModelProjections,
    batchSize,
  });
  return { live, rebuilt: await readModelSnapshot(fixture.dataSource.manager) };
}

export { readModelSnapshot, readModelTables, tableRows } from '../../../libs/read-model/test';
