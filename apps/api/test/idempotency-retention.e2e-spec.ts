import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdempotencyRetention } from '../src/write/idempotency-retention';
import { useWorkflowApi } from './api-test-app';
import { TONO, completePlan } from './workflow-client';

describe('idempotency records kept for IDEMPOTENCY_RETENTION_HOURS', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00', { IDEMPOTENCY_RETENTION_HOURS: '2' });
  const { clock } = api;
  const keysKept = async (keys: readonly string[]): Promise<string[]> =>
    (
      await api.app
        .get(DataSource)
        .query('SELECT idempotency_key FROM idempotency_records WHERE idempotency_key = ANY($1)', [keys])
    )
      .map((row: { idempotency_key: string }) => row.idempotency_key)
      .sort();

  it('replays the first answer until the retention period ends; a repeat after it is decided again', async () => {
    clock.set('2025-06-02T10:00:00+09:00');
    const tono = api.client.municipality(TONO);
    const officer = api.client.officer();
    const { id } = (await tono.post('/v1/applications', { plan: completePlan() }).expect(201)).body;
    const key = randomUUID();
    const submit = () => tono.post(`/v1/applications/${id}/submit`, undefined, { 'idempotency-key': key });
    await officer.put('/v1/fiscal-years/2025/budget', { nationalBudget: 0, intakeOpen: false }).expect(200);
    const closed = await submit().expect(422);
    await officer.put('/v1/fiscal-years/2025/budget', { nationalBudget: 0, intakeOpen: true }).expect(200);

    clock.set('2025-06-02T11:59:59+09:00');
    expect((await submit().expect(422)).body).toEqual(closed.body);

    clock.set('2025-06-02T12:00:00+09:00');
    const submitted = await submit().expect(200);
    expect(submitted.body.status).toBe('submitted');
    // The new answer is the one kept now, for a retention period of its own.
    clock.set('2025-06-02T13:59:59+09:00');
    expect((await submit().expect(200)).body).toEqual(submitted.body);
    expect((await api.store.readStream(`application-${id}`)).map((event) => event.type)).toEqual([
      'ApplicationCreated',
      'ApplicationSubmitted',
    ]);
  });

  it('answers a repeated creation after the retention period from the stream, creating nothing', async () => {
    clock.set('2025-06-03T10:00:00+09:00');
    const tono = api.client.municipality(TONO);
    const key = randomUUID();
    const first = await tono
      .post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key })
      .expect(201);
    clock.set('2025-06-04T10:00:00+09:00');
    const again = await tono
      .post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key })
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(await api.store.readStream(`application-${first.body.id}`)).toHaveLength(1);
  });

  it('takes a key reused for another request after the retention period as a new key, never answering with the first write', async () => {
    clock.set('2025-06-05T10:00:00+09:00');
    const tono = api.client.municipality(TONO);
    const key = randomUUID();
    const { id } = (await tono.post('/v1/applications', { plan: completePlan() }).expect(201)).body;
    await tono.post(`/v1/applications/${id}/submit`, undefined, { 'idempotency-key': key }).expect(200);
    clock.set('2025-06-06T10:00:00+09:00');
    const withdrawn = await tono
      .post(`/v1/applications/${id}/withdraw`, { reason: '辞退します' }, { 'idempotency-key': key })
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await api.store.readStream(`application-${id}`)).map((event) => event.type)).toEqual([
      'ApplicationCreated',
      'ApplicationSubmitted',
      'ApplicationWithdrawn',
    ]);

    clock.set('2025-06-07T10:00:00+09:00');
    const created = await tono
      .post(
        '/v1/applications',
        { plan: { ...completePlan(), projectTitle: '別の事業' } },
        { 'idempotency-key': key },
      )
      .expect(201);
    expect(created.body.plan.projectTitle).toBe('別の事業');
    clock.set('2025-06-08T10:00:00+09:00');
    const another = await tono
      .post(
        '/v1/applications',
        { plan: { ...completePlan(), projectTitle: 'さらに別の事業' } },
        { 'idempotency-key': key },
      )
      .expect(201);
    expect(another.body.id).not.toBe(created.body.id);
    expect(another.body.plan.projectTitle).toBe('さらに別の事業');
  });

  it('deletes the expired records in a sweep and keeps the others', async () => {
    const tono = api.client.municipality(TONO);
    const createdAt = async (iso: string): Promise<string> => {
      clock.set(iso);
      const key = randomUUID();
      await tono.post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key }).expect(201);
      return key;
    };
    const older = await createdAt('2025-06-10T08:00:00+09:00');
    const expiring = await createdAt('2025-06-10T09:00:00+09:00');
    const fresh = await createdAt('2025-06-10T09:00:01+09:00');

    clock.set('2025-06-10T11:00:00+09:00');
    await api.app.get(IdempotencyRetention).sweep();
    expect(await keysKept([older, expiring, fresh])).toEqual([fresh]);
  });
});
