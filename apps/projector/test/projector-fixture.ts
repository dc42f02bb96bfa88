import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@l10k/eventstore';
import {
  PostgresCheckpointStore,
  readModelEntities,
  readModelProjections,
  type CheckpointStore,
} from '@l10k/read-model';
import { readModelSnapshot, WorkflowRecorder } from '../../../libs/read-model/test';
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

/** A recorder of workflows on the fixture's store, with a FY2025 budget large enough for any simulation. */
export function budgetedRecorder(fixture: ProjectorFixture): WorkflowRecorder {
  const recorder = new WorkflowRecorder(fixture.store);
  recorder.setBudget(2025, 50_000_000_000, '2025-04-01T09:00:00+09:00');
  return recorder;
}

/** Looks every 20 ms until `done` holds; fails naming `what` once `timeoutMs` has passed. */
export async function eventually(
  done: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
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
