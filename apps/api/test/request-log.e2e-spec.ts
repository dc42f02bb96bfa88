import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { startApiForTest } from './api-test-app';
import { TEST_ENV, WorkflowClient } from './workflow-client';

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly context?: string;
  readonly correlationId?: string;
  readonly req?: { method: string; url: string };
  readonly res?: { statusCode: number };
}

describe('the API log', () => {
  const written: string[] = [];
  const lines = () => written.map((line) => JSON.parse(line) as LogLine);
  let app: INestApplication;
  beforeAll(async () => {
    app = await startApiForTest(
      { ...TEST_ENV, LOG_LEVEL: 'info' },
      { logDestination: { write: (line: string) => void written.push(line) } },
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has one line per request under the correlation id the answer echoes', async () => {
    const answer = await request(app.getHttpServer())
      .get('/health/live')
      .set('x-correlation-id', 'log-e2e-1')
      .expect(200);
    expect(answer.headers['x-correlation-id']).toBe('log-e2e-1');
    expect(lines().filter(({ correlationId }) => correlationId === 'log-e2e-1')).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: expect.objectContaining({ method: 'GET', url: '/health/live' }),
        res: { statusCode: 200 },
      }),
    ]);
  });

  it('logs an authenticated request without its token, and a refusal as a warning', async () => {
    const token = await new WorkflowClient(app).token('officer-log', 'program_officer');
    await request(app.getHttpServer())
      .get('/v1/applications/not-a-uuid')
      .set('authorization', `Bearer ${token}`)
      .set('x-correlation-id', 'log-e2e-2')
      .expect(400);
    const [line] = lines().filter(({ correlationId }) => correlationId === 'log-e2e-2');
    expect(line).toMatchObject({ level: 40, res: { statusCode: 400 } });
    expect(written.join('')).not.toContain(token);
  });

  it('writes Nest’s own lines to the same log once they are flushed, as listen() does', () => {
    app.flushLogs();
    expect(lines().some(({ context }) => context === 'RoutesResolver')).toBe(true);
  });
});
