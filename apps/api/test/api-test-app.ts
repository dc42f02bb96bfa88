import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { loadConfig } from '@l10k/config';
import { PostgresCheckpointStore, readModelProjections } from '@l10k/read-model';
import { waitForVisibleLog } from '../../../libs/read-model/test';
import { ProjectionRunner } from '../../projector/src';
import { EVENT_STORE, type EventStore } from '@l10k/eventstore';
import type { ApiOptions } from '../src/app.module';
import { createApiApp } from '../src/create-api-app';
import { ReadModelMoves } from '../src/read/read-model-moves';
import { createTestDatabase } from '../../../test/test-database';
import { PinnedClock } from './pinned-clock';
import { TEST_ENV, WorkflowClient } from './workflow-client';

/** The real API on a fresh database of its own, logging silenced, ready for supertest. */
export async function startApiForTest(
  env: Record<string, string> = {},
  options: ApiOptions = {},
): Promise<INestApplication> {
  const databaseUrl = await createTestDatabase('api');
  // A data folder of its own (uploaded documents land there), never the repository's .data.
  const dataDir = mkdtempSync(join(tmpdir(), 'l10k-api-test-'));
  const app = await createApiApp(
    loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', DATA_DIR: dataDir, ...env }),
    { verifyAnswerSerialization: true, ...options },
  );
  // Closing the app closes its Fastify instance, which then removes the folder and whatever
  // was uploaded into it. (Nest's application is a proxy that ignores assignments: a wrapped
  // close() would never run.)
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => rmSync(dataDir, { recursive: true, force: true }));
  await app.init();
  // Fastify takes requests once its plugins have loaded; supertest does not listen() first.
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export interface WorkflowTestApi {
  readonly app: INestApplication;
  readonly client: WorkflowClient;
  readonly store: EventStore;
  readonly clock: PinnedClock;
  /** Waits until every appended event is readable in global order (see waitForVisibleLog). */
  visible(): Promise<void>;
  /** Runs the projector's runner until the read models have caught up with every appended event, and the API has heard so. */
  project(): Promise<void>;
}

/**
 * Registers beforeAll/afterAll for a suite that talks to the API as its users do: the app on
 * a fresh database, dev tokens, a pinned clock, and the event store to look behind the answers.
 */
export function useWorkflowApi(
  startsAt = '2025-06-02T10:00:00+09:00',
  env: Record<string, string> = {},
): WorkflowTestApi {
  const clock = new PinnedClock(startsAt);
  const context: { app?: INestApplication; client?: WorkflowClient; store?: EventStore } = {};
  beforeAll(async () => {
    context.app = await startApiForTest({ ...TEST_ENV, ...env }, { clock });
    context.client = new WorkflowClient(context.app);
    context.store = context.app.get(EVENT_STORE);
  });
  afterAll(async () => {
    await context.app?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useWorkflowApi: the API starts in beforeAll');
    return value;
  };
  const visible = async (): Promise<void> => {
    const [{ appended }] = await ready(context.app)
      .get(DataSource)
      .query('SELECT count(*)::int AS appended FROM events');
    await waitForVisibleLog(ready(context.store), appended);
  };
  return {
    clock,
    get app() {
      return ready(context.app);
    },
    get client() {
      return ready(context.client);
    },
    get store() {
      return ready(context.store);
    },
    visible,
    project: async () => {
      await visible();
      const dataSource = ready(context.app).get(DataSource);
      await new ProjectionRunner({
        store: ready(context.store),
        checkpoints: new PostgresCheckpointStore(dataSource),
        projections: readModelProjections,
      }).catchUp();
      // The API answers unchanged reads from memory until it hears the projector's commits.
      await ready(context.app).get(ReadModelMoves).settled();
    },
  };
}
