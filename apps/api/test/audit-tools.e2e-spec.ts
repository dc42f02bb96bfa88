import request from 'supertest';
import { DataSource } from 'typeorm';
import { findRuleSet } from '@l10k/rules';
import { useWorkflowApi } from './api-test-app';
import { TONO, completePlan } from './workflow-client';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the auditor’s tools', () => {
  const api = useWorkflowApi('2025-06-02T10:00:00+09:00');
  const { clock } = api;
  let id: string;

  beforeAll(async () => {
    const tono = api.client.municipality(TONO);
    id = (
      await tono
        .post('/v1/applications', { plan: { projectTitle: '地元産ホップ「遠野」の醸造所' } })
        .expect(201)
    ).body.id;
    await pause(20);
    await tono
      .put(`/v1/applications/${id}/plan`, {
        plan: { ...completePlan(), projectTitle: '地元産ホップ「遠野」の醸造所, 第2版' },
      })
      .expect(200);
    await pause(20);
    clock.set('2025-06-05T10:00:00+09:00');
    await tono.post(`/v1/applications/${id}/submit`).expect(200);
  });

  describe('GET /v1/applications/{id}/state', () => {
    it('gives, for an instant between two events, the state after the first and before the second', async () => {
      const [created, replaced] = await api.store.readStream(`application-${id}`);
      const between = new Date((created.recordedAt.getTime() + replaced.recordedAt.getTime()) / 2);
      expect(between.getTime()).toBeGreaterThan(created.recordedAt.getTime());
      expect(between.getTime()).toBeLessThan(replaced.recordedAt.getTime());
      const response = await api.client
        .auditor()
        .get(`/v1/applications/${id}/state?asOf=${encodeURIComponent(between.toISOString())}`)
        .expect(200);
      expect(response.body).toMatchObject({
        id,
        status: 'draft',
        revision: 0,
        plan: { projectTitle: '地元産ホップ「遠野」の醸造所' },
      });
      expect(response.body.lastEvent).toMatchObject({
        revision: 0,
        type: 'ApplicationCreated',
        hash: created.metadata.hash,
      });
    });

    it('gives the state at a revision', async () => {
      const response = await api.client.officer().get(`/v1/applications/${id}/state?revision=1`).expect(200);
      expect(response.body).toMatchObject({
        status: 'draft',
        revision: 1,
        plan: { projectTitle: '地元産ホップ「遠野」の醸造所, 第2版' },
      });
      const now = await api.client.auditor().get(`/v1/applications/${id}/state`).expect(200);
      expect(now.body).toMatchObject({ status: 'submitted', revision: 2, round: '2025-06' });
    });

    it('says the quorum the reviews are held to once submitted: its rule set’s minimum of reviewers', async () => {
      const draft = await api.client.auditor().get(`/v1/applications/${id}/state?revision=1`).expect(200);
      expect(draft.body.reviewsNeeded).toBeNull();
      const submitted = await api.client.auditor().get(`/v1/applications/${id}/state`).expect(200);
      expect(submitted.body.ruleSetId).toBe('FY2025-v1');
      expect(submitted.body.reviewsNeeded).toBe(findRuleSet('FY2025-v1')!.minimumReviewers);
    });

    it('answers 404 before the application existed, 400 for a bad instant, 403 for a municipality', async () => {
      await api.client.auditor().get(`/v1/applications/${id}/state?asOf=2001-01-01T00:00:00Z`).expect(404);
      const bad = await api.client.auditor().get(`/v1/applications/${id}/state?asOf=yesterday`).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'asOf' });
      await api.client.municipality(TONO).get(`/v1/applications/${id}/state`).expect(403);
    });
  });

  describe('POST /v1/audit/verifications', () => {
    it('finds every chain intact, then names the stream whose row was changed', async () => {
      const intact = await api.client.auditor().post('/v1/audit/verifications', {}).expect(200);
      expect(intact.body).toMatchObject({ ok: true, failures: [] });
      expect(intact.body.eventsChecked).toBeGreaterThanOrEqual(3);
      const one = await api.client
        .auditor()
        .post('/v1/audit/verifications', { applicationId: id })
        .expect(200);
      expect(one.body).toEqual({ streamsChecked: 1, eventsChecked: 3, ok: true, failures: [] });
      const unknown = await api.client
        .auditor()
        .post('/v1/audit/verifications', { applicationId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'applicationId', rule: 'exists' }),
      ]);

      const victim = (
        await api.client.municipality(TONO).post('/v1/applications', { plan: completePlan() }).expect(201)
      ).body.id;
      await api.app
        .get(DataSource)
        .query(
          `UPDATE events SET data = jsonb_set(data, '{plan,funding,grant}', '50000000') WHERE stream_id = $1 AND stream_revision = 0`,
          [`application-${victim}`],
        );
      const broken = await api.client.auditor().post('/v1/audit/verifications', {}).expect(200);
      expect(broken.body.ok).toBe(false);
      expect(broken.body.failures).toEqual([
        expect.objectContaining({ streamId: `application-${victim}`, revision: 0, reason: 'hash_mismatch' }),
      ]);
      await api.client.officer().post('/v1/audit/verifications', {}).expect(403);
    });

    it('abandons the whole-store verification when the auditor goes away before the answer', async () => {
      let given: AbortSignal | undefined;
      // A long walk: it ends only when its signal aborts, as the store's walk does at its next turn.
      const verifyAll = jest.spyOn(api.store, 'verifyAll').mockImplementation(
        (options) =>
          new Promise((_, reject) => {
            given = options?.signal;
            given?.addEventListener('abort', () => reject(given?.reason));
          }),
      );
      const until = async (holds: () => boolean): Promise<void> => {
        for (let waited = 0; !holds(); waited += 10) {
          if (waited > 5_000) throw new Error('waited 5 s in vain');
          await pause(10);
        }
      };
      try {
        const pending = request(api.app.getHttpServer())
          .post('/v1/audit/verifications')
          .set('authorization', `Bearer ${await api.client.token('auditor-1', 'auditor')}`)
          .send({});
        pending.end(() => undefined);
        await until(() => given !== undefined);
        await pause(50);
        expect(given?.aborted).toBe(false);
        pending.abort();
        await until(() => given?.aborted === true);
      } finally {
        verifyAll.mockRestore();
      }
      // The next auditor's verification runs as before.
      const next = await api.client.auditor().post('/v1/audit/verifications', {}).expect(200);
      expect(next.body.eventsChecked).toBeGreaterThanOrEqual(3);
    });
  });

  describe('GET /v1/audit/export', () => {
    it('streams the year as a CSV a spreadsheet opens: UTF-8 with BOM, header row, Japanese intact', async () => {
      await api.visible();
      const response = await request(api.app.getHttpServer())
        .get('/v1/audit/export?fiscalYear=2025&format=csv')
        .set('authorization', `Bearer ${await api.client.token('auditor-1', 'auditor')}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const bytes = response.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text = bytes.toString('utf8').slice(1);
      const lines = text.split('\r\n').filter((line) => line !== '');
      expect(lines[0]).toBe(
        'globalPosition,streamId,revision,eventId,type,occurredAt,recordedAt,actorSub,actorRole,actorMunicipalityCode,actorMunicipalityName,ruleSetId,schemaVersion,correlationId,data,prevHash,hash',
      );
      expect(text).toContain('地元産ホップ「遠野」の醸造所');
      // The comma inside the title forces quoting of the data field; each record is one line.
      const ours = lines.filter((line) => line.includes(`application-${id}`));
      expect(ours).toHaveLength(3);
      expect(ours[2]).toContain(',ApplicationSubmitted,');
      // The municipality's name stands beside its code.
      expect(ours[2]).toContain(',municipality,032077,久慈市,');
    });

    it('streams NDJSON, one event per line, and nothing for a year without events', async () => {
      const auditor = api.client.auditor();
      const ndjson = await auditor.get('/v1/audit/export?fiscalYear=2025&format=ndjson').expect(200);
      const records = ndjson.text
        .trim()
        .split('\n')
        .map((line: string) => JSON.parse(line));
      expect(
        records
          .filter((record: { streamId: string }) => record.streamId === `application-${id}`)
          .map((record: { type: string }) => record.type),
      ).toEqual(['ApplicationCreated', 'ApplicationPlanReplaced', 'ApplicationSubmitted']);
      const empty = await auditor.get('/v1/audit/export?fiscalYear=2019&format=ndjson').expect(200);
      expect(empty.text).toBe('');
      const bad = await auditor.get('/v1/audit/export?fiscalYear=2025&format=xlsx').expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'format' });
    });
  });
});
