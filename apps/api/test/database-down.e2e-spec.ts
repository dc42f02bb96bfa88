import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { loadConfig } from '@l10k/config';
import { createTestDatabase } from '../../../test/test-database';
import { createApiApp } from '../src/create-api-app';
import { TEST_ENV, TONO, WorkflowClient, completePlan } from './workflow-client';

/** The database refuses connections: answers are 503 problems, and nothing is written. */
describe('when the database is unreachable', () => {
  let app: INestApplication;
  let client: WorkflowClient;
  let databaseUrl: string;
  let name: string;
  const admin = () => new Client({ connectionString: process.env.TEST_DATABASE_SERVER_URL });

  async function setReachable(reachable: boolean): Promise<void> {
    const connection = admin();
    await connection.connect();
    try {
      await connection.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS ${reachable}`);
      if (!reachable)
        await connection.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
    } finally {
      await connection.end();
    }
  }

  async function eventCount(): Promise<number> {
    const connection = new Client({ connectionString: databaseUrl });
    await connection.connect();
    try {
      return (await connection.query('SELECT count(*)::int AS n FROM events')).rows[0].n;
    } finally {
      await connection.end();
    }
  }

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('down');
    name = new URL(databaseUrl).pathname.slice(1);
    app = await createApiApp(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', ...TEST_ENV }));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    client = new WorkflowClient(app);
    await client.token(`officer-${TONO}`, 'municipality', TONO);
  });
  afterAll(async () => {
    await setReachable(true);
    await app.close();
  });

  it('answers writes with 503 and writes nothing, reports not ready, and recovers', async () => {
    await client.municipality(TONO).post('/v1/applications', { plan: completePlan() }).expect(201);
    expect(await eventCount()).toBe(1);

    await setReachable(false);
    const write = await client
      .municipality(TONO)
      .post('/v1/applications', { plan: completePlan() })
      .expect(503);
    expect(write.headers['content-type']).toMatch(/^application\/problem\+json/);
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(ready.body.checks.error).toHaveProperty('database');
    await request(app.getHttpServer()).get('/health/live').expect(200);

    await setReachable(true);
    expect(await eventCount()).toBe(1);
    await client.municipality(TONO).post('/v1/applications', { plan: completePlan() }).expect(201);
    expect(await eventCount()).toBe(2);
  });
});
