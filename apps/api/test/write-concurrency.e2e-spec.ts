import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { useWorkflowApi } from './api-test-app';
import { TONO, allMet, completePlan } from './workflow-client';

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  }
  return results;
}

describe('concurrent and repeated writes', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  const { clock } = api;

  const createDraft = async () =>
    (await api.client.municipality(TONO).post('/v1/applications', { plan: completePlan() }).expect(201)).body
      .id as string;

  it('lets one of two concurrent plan edits with the same If-Match win; the other gets 409 and the log holds one edit', async () => {
    const id = await createDraft();
    const tono = api.client.municipality(TONO);
    const edits = await Promise.all(
      ['版A', '版B'].map((summary) =>
        tono
          .put(`/v1/applications/${id}/plan`, { plan: { ...completePlan(), summary } }, { 'if-match': '"0"' })
          .response(),
      ),
    );
    expect(edits.map((edit) => edit.status).sort()).toEqual([200, 409]);
    const stale = edits.find((edit) => edit.status === 409);
    expect(stale?.body.errors).toEqual([
      expect.objectContaining({ field: 'If-Match', rule: 'revision_current' }),
    ]);
    const events = await api.store.readStream(`application-${id}`);
    expect(events.map((event) => event.type)).toEqual(['ApplicationCreated', 'ApplicationPlanReplaced']);
  });

  it('replays the first answer for a repeated Idempotency-Key and writes nothing more', async () => {
    const tono = api.client.municipality(TONO);
    const key = randomUUID();
    const first = await tono
      .post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key })
      .expect(201);
    const again = await tono
      .post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key })
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(await api.store.readStream(`application-${first.body.id}`)).toHaveLength(1);

    const reused = await tono
      .post('/v1/applications', { plan: completePlan(10_000_000) }, { 'idempotency-key': key })
      .expect(422);
    expect(reused.body.errors).toEqual([
      expect.objectContaining({ field: 'Idempotency-Key', rule: 'idempotency_key_reused' }),
    ]);
  });

  it('answers ten concurrent sends of one keyed creation with one application, the same answer to each, and keeps that answer', async () => {
    const tono = api.client.municipality(TONO);
    const key = randomUUID();
    const send = () =>
      tono.post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key }).response();
    // None finds a record yet: the first append creates the application, the others find their events stored.
    const answers = await Promise.all(Array.from({ length: 10 }, send));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    const [first] = answers;
    for (const answer of answers) expect(answer.body).toEqual(first.body);
    expect((await api.store.readStream(`application-${first.body.id}`)).map((event) => event.type)).toEqual([
      'ApplicationCreated',
    ]);
    const kept = await api.app
      .get(DataSource)
      .query('SELECT status, body FROM idempotency_records WHERE idempotency_key = $1', [key]);
    expect(kept).toEqual([{ status: 201, body: first.body }]);
    const later = await send();
    expect(later.status).toBe(201);
    expect(later.body).toEqual(first.body);
  });

  it('answers a repeat whose idempotency record was lost (a crash after the append) from the stream, writing nothing', async () => {
    const tono = api.client.municipality(TONO);
    const key = randomUUID();
    const first = await tono
      .post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key })
      .expect(201);
    await tono
      .post(`/v1/applications/${first.body.id}/submit`, undefined, { 'idempotency-key': randomUUID() })
      .expect(200);
    await api.app.get(DataSource).query('DELETE FROM idempotency_records WHERE idempotency_key = $1', [key]);
    const again = await tono
      .post('/v1/applications', { plan: completePlan() }, { 'idempotency-key': key })
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect((await api.store.readStream(`application-${first.body.id}`)).map((event) => event.type)).toEqual([
      'ApplicationCreated',
      'ApplicationSubmitted',
    ]);
  });

  it('answers a repeat made against a revision whose record was lost from the events after that revision, writing nothing', async () => {
    const tono = api.client.municipality(TONO);
    const id = await createDraft();
    const key = randomUUID();
    const submit = () =>
      tono.post(`/v1/applications/${id}/submit`, undefined, { 'if-match': '"0"', 'idempotency-key': key });
    const first = await submit().expect(200);
    await tono
      .post(`/v1/applications/${id}/withdraw`, { reason: '辞退します' }, { 'idempotency-key': randomUUID() })
      .expect(200);
    await api.app.get(DataSource).query('DELETE FROM idempotency_records WHERE idempotency_key = $1', [key]);
    const again = await submit().expect(200);
    expect(again.body).toEqual(first.body);
    // Once its record is gone, the same key and body against another revision is another write: refused as stale.
    await api.app.get(DataSource).query('DELETE FROM idempotency_records WHERE idempotency_key = $1', [key]);
    const elsewhere = await tono
      .post(`/v1/applications/${id}/submit`, undefined, { 'if-match': '"1"', 'idempotency-key': key })
      .expect(409);
    expect(elsewhere.body.errors).toEqual([
      expect.objectContaining({ field: 'If-Match', rule: 'revision_current' }),
    ]);
    expect((await api.store.readStream(`application-${id}`)).map((event) => event.type)).toEqual([
      'ApplicationCreated',
      'ApplicationSubmitted',
      'ApplicationWithdrawn',
    ]);
  });

  it('replays a refusal too, without deciding again', async () => {
    const id = await createDraft();
    const tono = api.client.municipality(TONO);
    const key = randomUUID();
    const refused = await tono
      .post(`/v1/applications/${id}/withdraw`, { reason: '' }, { 'idempotency-key': key })
      .expect(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'reason' });
    const submitKey = randomUUID();
    await api.client
      .officer()
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 0, intakeOpen: false })
      .expect(200);
    const closed = await tono
      .post(`/v1/applications/${id}/submit`, undefined, { 'idempotency-key': submitKey })
      .expect(422);
    await api.client
      .officer()
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 0, intakeOpen: true })
      .expect(200);
    // Intake is open again, but the same key replays the first answer.
    const replayed = await tono
      .post(`/v1/applications/${id}/submit`, undefined, { 'idempotency-key': submitKey })
      .expect(422);
    expect(replayed.body).toEqual(closed.body);
    expect((await api.store.readStream(`application-${id}`)).map((event) => event.type)).toEqual([
      'ApplicationCreated',
    ]);
  });

  it('adopts exactly ten of fifty concurrent adoptions against a budget that fits ten', async () => {
    const officer = api.client.officer();
    clock.set('2025-10-01T09:00:00+09:00');
    // Each adoption commits N = 15,000,000 (G 20,000,000 at 3/4): 150,000,000 fits ten.
    const budget = await officer
      .put('/v1/fiscal-years/2025/budget', { nationalBudget: 150_000_000, intakeOpen: true })
      .expect(200);
    expect(budget.body.remaining).toBe(150_000_000);

    const ids = await inBatches(
      Array.from({ length: 50 }, (_, index) => index),
      10,
      async () => {
        const id = await createDraft();
        await api.client.municipality(TONO).post(`/v1/applications/${id}/submit`).expect(200);
        for (const reviewer of ['reviewer-a', 'reviewer-b']) {
          await officer.post(`/v1/applications/${id}/reviewers`, { reviewerId: reviewer }).expect(200);
          await api.client
            .reviewer(reviewer)
            .post(`/v1/applications/${id}/conflict-declarations`, { hasConflict: false })
            .expect(200);
          await api.client
            .reviewer(reviewer)
            .post(`/v1/applications/${id}/reviews`, {
              assessments: allMet(),
              recommendation: 'adopt',
              comment: '良い',
            })
            .expect(200);
        }
        return id;
      },
    );

    clock.set('2025-11-20T09:00:00+09:00');
    const decisions = await Promise.all(
      ids.map((id) =>
        officer.post(`/v1/applications/${id}/decision`, { outcome: 'adopted', reason: '採択' }).response(),
      ),
    );
    const adopted = decisions.filter((decision) => decision.status === 200);
    const refused = decisions.filter((decision) => decision.status !== 200);
    expect(adopted).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const refusal of refused) {
      expect(refusal.status).toBe(422);
      expect(refusal.body.errors.map((error: { rule: string }) => error.rule)).toContain('budget');
    }

    const commitments = (await api.store.readStream('fiscal-year-2025')).filter(
      (event) => event.type === 'NationalShareCommitted',
    );
    const adoptedIds = adopted.map((decision) => decision.body.id).sort();
    expect(commitments.map((event) => event.data.applicationId).sort()).toEqual(adoptedIds);
    const committedTotal = commitments.reduce((sum, event) => sum + Number(event.data.amount), 0);
    const adoptedShares = adopted.reduce(
      (sum, decision) => sum + decision.body.decision.funding.nationalShare,
      0,
    );
    expect(committedTotal).toBe(150_000_000);
    expect(adoptedShares).toBe(committedTotal);
    // No refused application carries an adoption event.
    for (const refusal of refused) {
      const id = ids[decisions.indexOf(refusal)];
      expect((await api.store.readStream(`application-${id}`)).map((event) => event.type)).not.toContain(
        'ApplicationAdopted',
      );
    }
  }, 120_000);
});
