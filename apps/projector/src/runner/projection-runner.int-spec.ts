import { foldApplication, type ApplicationEvent, type ExistingApplication } from '@l10k/domain';
import { applicationRecordOf, monthlyStatistics, readModelProjections } from '@l10k/read-model';
import { realisticPlan, waitForVisibleLog, WorkflowRecorder } from '../../../../libs/read-model/test';
import { startProjectorFixture, tableRows, type ProjectorFixture } from '../../test/projector-fixture';
import { ProjectionRunner } from './projection-runner';

const TONO = '032077';
const CHIYODA = '131016';
const A = 'a0000000-0000-4000-8000-000000000001'; // adopted with a lower grant
const B = 'b0000000-0000-4000-8000-000000000002'; // rejected, one reviewer recused
const C = 'c0000000-0000-4000-8000-000000000003'; // sent back, resubmitted into a later round, under review
const D = 'd0000000-0000-4000-8000-000000000004'; // submitted, waiting for reviewers
const E = 'e0000000-0000-4000-8000-000000000005'; // withdrawn as a draft
const F = 'f0000000-0000-4000-8000-000000000006'; // withdrawn under review
const G = '90000000-0000-4000-8000-000000000007'; // still a draft

/** Writes the specification's histories, each command its own append, as the API would. */
async function writeWorkflow(recorder: WorkflowRecorder): Promise<void> {
  const steps: Array<() => void> = [
    () => recorder.setBudget(2025, 100_000_000, '2025-04-01T09:00:00+09:00'),
    () => recorder.create(A, TONO, realisticPlan(), '2025-05-20T10:00:00+09:00'),
    () =>
      recorder.create(
        B,
        CHIYODA,
        realisticPlan({ projectTitle: '古民家を改修した農家民宿', businessName: '合同会社ちよだ' }),
        '2025-06-01T10:00:00+09:00',
      ),
    () => recorder.create(C, TONO, realisticPlan({ grant: 15_000_000 }), '2025-06-01T11:00:00+09:00'),
    () => recorder.create(D, CHIYODA, realisticPlan({ grant: 10_000_000 }), '2025-06-02T10:00:00+09:00'),
    () => recorder.create(E, TONO, realisticPlan(), '2025-06-02T11:00:00+09:00'),
    () => recorder.create(F, TONO, realisticPlan(), '2025-06-02T12:00:00+09:00'),
    () => recorder.create(G, TONO, realisticPlan(), '2025-06-03T12:00:00+09:00'),
    () => recorder.submit(F, '2025-06-02T13:00:00+09:00'),
    () => recorder.submit(A, '2025-06-05T10:00:00+09:00'),
    () => recorder.submit(C, '2025-06-09T10:00:00+09:00'),
    () => recorder.withdraw(E, '2025-06-09T12:00:00+09:00'),
    () => recorder.submit(B, '2025-06-12T10:00:00+09:00'),
    () => recorder.assign(F, 'reviewer-sato', '2025-06-13T09:00:00+09:00'),
    () => recorder.assign(A, 'reviewer-sato', '2025-06-13T10:00:00+09:00'),
    () => recorder.assign(A, 'reviewer-suzuki', '2025-06-13T10:01:00+09:00'),
    () => recorder.assign(C, 'reviewer-sato', '2025-06-13T11:00:00+09:00'),
    () => recorder.assign(B, 'reviewer-sato', '2025-06-14T10:00:00+09:00'),
    () => recorder.assign(B, 'reviewer-suzuki', '2025-06-14T10:01:00+09:00'),
    () => recorder.assign(B, 'reviewer-takahashi', '2025-06-14T10:02:00+09:00'),
    () => recorder.declare(A, 'reviewer-sato', false, '2025-06-15T10:00:00+09:00'),
    () => recorder.declare(A, 'reviewer-suzuki', false, '2025-06-15T11:00:00+09:00'),
    () => recorder.declare(B, 'reviewer-takahashi', true, '2025-06-15T12:00:00+09:00'),
    () => recorder.declare(B, 'reviewer-sato', false, '2025-06-15T13:00:00+09:00'),
    () => recorder.declare(B, 'reviewer-suzuki', false, '2025-06-15T14:00:00+09:00'),
    () => recorder.requestRevision(C, '2025-06-20T10:00:00+09:00'),
    () => recorder.withdraw(F, '2025-06-25T10:00:00+09:00'),
    () => recorder.submit(D, '2025-06-30T10:00:00+09:00'),
    () => recorder.review(A, 'reviewer-sato', '2025-07-01T10:00:00+09:00'),
    () => recorder.review(A, 'reviewer-suzuki', '2025-07-02T10:00:00+09:00'),
    () => recorder.review(B, 'reviewer-sato', '2025-07-03T10:00:00+09:00', false),
    () => recorder.review(B, 'reviewer-suzuki', '2025-07-03T11:00:00+09:00', false),
    () => recorder.decide(A, 'adopted', '2025-07-15T10:00:00+09:00', 18_000_000),
    () => recorder.resubmit(C, '2025-07-15T11:00:00+09:00'),
    () => recorder.decide(B, 'rejected', '2025-07-16T10:00:00+09:00'),
    () => recorder.assign(C, 'reviewer-ito', '2025-07-20T10:00:00+09:00'),
  ];
  for (const step of steps) {
    step();
    await recorder.flush();
  }
}

describe('the projection runner', () => {
  let fixture: ProjectorFixture;
  let runner: ProjectionRunner;

  beforeAll(async () => {
    fixture = await startProjectorFixture('projection_runner');
    const recorder = new WorkflowRecorder(fixture.store);
    await writeWorkflow(recorder);
    await waitForVisibleLog(fixture.store, recorder.eventsWritten);
    // A small batch size makes the workflow span many transactions and checkpoints.
    runner = new ProjectionRunner({
      store: fixture.store,
      checkpoints: fixture.checkpoints,
      projections: readModelProjections,
      batchSize: 7,
    });
    await runner.catchUp();
  });

  afterAll(() => fixture.close());

  const eventsOf = async (id: string) => fixture.store.readStream(`application-${id}`);

  it('keeps one summary per application with its record, its figures and its reviewers', async () => {
    const rows = await fixture.dataSource.query(
      'SELECT *, decision_due_date::text AS due FROM application_summaries ORDER BY id',
    );
    expect(rows.map((row: { id: string; status: string }) => [row.id, row.status])).toEqual([
      [G, 'draft'],
      [A, 'adopted'],
      [B, 'rejected'],
      [C, 'under_review'],
      [D, 'submitted'],
      [E, 'withdrawn'],
      [F, 'withdrawn'],
    ]);

    const events = await eventsOf(A);
    const adopted = events.find((event) => event.type === 'ApplicationAdopted')!.data as {
      funding: { nationalShare: number; specialTaxShare: number; municipalShare: number };
    };
    const a = rows.find((row: { id: string }) => row.id === A);
    expect(a).toMatchObject({
      municipality_code: TONO,
      round: '2025-06',
      fiscal_year: 2025,
      due: '2025-07-22',
      project_title: '地元産ホップのクラフトビール醸造所',
      business_name: '株式会社とおの醸造',
      track: 'national',
      requested_grant: '20000000',
      approved_grant: '18000000',
      national_share: String(adopted.funding.nationalShare),
      special_tax_share: String(adopted.funding.specialTaxShare),
      municipal_share: String(adopted.funding.municipalShare),
      rule_set_id: expect.stringContaining('2025'),
      provisional: false,
      reviewer_ids: ['reviewer-sato', 'reviewer-suzuki'],
      reviews_done: 2,
      reviews_needed: 2,
      review_cycle: 1,
      stream_revision: String(events.length - 1),
    });
    expect(a.deadline.toISOString()).toBe('2025-06-10T14:59:59.999Z');
    expect(a.created_at.toISOString()).toBe('2025-05-20T01:00:00.000Z');
    expect(a.submitted_at.toISOString()).toBe('2025-06-05T01:00:00.000Z');
    expect(a.updated_at.toISOString()).toBe('2025-07-15T01:00:00.000Z');
    expect(a.detail.decision).toMatchObject({
      outcome: 'adopted',
      requestedGrant: 20_000_000,
      approvedGrant: 18_000_000,
      decidedBy: 'officer-mic',
    });
    // The record the API answers with, as the whole stream folds it (the fold itself is not stored).
    const folded = foldApplication(events.map((event) => event as unknown as ApplicationEvent));
    expect(folded.status).not.toBe('none');
    expect(a.detail).toEqual(JSON.parse(JSON.stringify(applicationRecordOf(folded as ExistingApplication))));
    // The record is the one copy of its documents: no column repeats its reviewers or decision.
    expect(a).not.toHaveProperty('state');
    expect(a).not.toHaveProperty('reviewers');
    expect(a).not.toHaveProperty('decision');

    const b = rows.find((row: { id: string }) => row.id === B);
    expect(b).toMatchObject({ round: '2025-07', due: '2025-08-21', approved_grant: null, reviews_done: 2 });
    expect(b.reviewer_ids).toEqual(['reviewer-sato', 'reviewer-suzuki', 'reviewer-takahashi']);
    expect(
      b.detail.reviewers.map(({ reviewerId, recused }: { reviewerId: string; recused: boolean }) => [
        reviewerId,
        recused,
      ]),
    ).toEqual([
      ['reviewer-sato', false],
      ['reviewer-suzuki', false],
      ['reviewer-takahashi', true],
    ]);
    expect(b.detail.decision).toMatchObject({ outcome: 'rejected' });

    const c = rows.find((row: { id: string }) => row.id === C);
    expect(c).toMatchObject({
      round: '2025-08',
      due: '2025-09-21',
      review_cycle: 2,
      reviewer_ids: ['reviewer-ito'],
      reviews_done: 0,
      requested_grant: '15000000',
    });
    const g = rows.find((row: { id: string }) => row.id === G);
    expect(g).toMatchObject({
      round: null,
      submitted_at: null,
      reviews_needed: null,
      requested_grant: '20000000',
      stream_revision: '0',
    });
  });

  it('queues exactly the open applications, soonest decision due date first', async () => {
    const queue = await fixture.dataSource.query(
      'SELECT application_id, status, round, decision_due_date::text AS due, reviewer_ids, reviews_done, reviews_needed, municipality_code FROM review_queue ORDER BY decision_due_date, application_id',
    );
    expect(queue).toEqual([
      {
        application_id: D,
        status: 'submitted',
        round: '2025-07',
        due: '2025-08-21',
        reviewer_ids: [],
        reviews_done: 0,
        reviews_needed: 2,
        municipality_code: CHIYODA,
      },
      {
        application_id: C,
        status: 'under_review',
        round: '2025-08',
        due: '2025-09-21',
        reviewer_ids: ['reviewer-ito'],
        reviews_done: 0,
        reviews_needed: 2,
        municipality_code: TONO,
      },
    ]);
  });

  it('sums the monthly statistics per round of the fiscal year', async () => {
    const adopted = (await eventsOf(A)).find((event) => event.type === 'ApplicationAdopted')!.data as {
      funding: { nationalShare: number };
    };
    const statistics = await monthlyStatistics(fixture.dataSource.manager, 2025);
    expect(statistics.map((round) => round.round)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    const zero = {
      submitted: 0,
      adopted: 0,
      rejected: 0,
      withdrawn: 0,
      requestedGrant: 0,
      approvedGrant: 0,
      nationalShare: 0,
      localReported: 0,
      localAcknowledged: 0,
      localReturned: 0,
      localWithdrawn: 0,
      localGrant: 0,
    };
    expect(statistics.filter((round) => round.submitted > 0)).toEqual([
      // A adopted, F withdrawn, C sent back (counted as submitted, no outcome here).
      {
        ...zero,
        round: '2025-06',
        submitted: 3,
        adopted: 1,
        withdrawn: 1,
        requestedGrant: 55_000_000,
        approvedGrant: 18_000_000,
        nationalShare: adopted.funding.nationalShare,
      },
      { ...zero, round: '2025-07', submitted: 2, rejected: 1, requestedGrant: 30_000_000 },
      { ...zero, round: '2025-08', submitted: 1, requestedGrant: 15_000_000 },
    ]);
    expect(await monthlyStatistics(fixture.dataSource.manager, 2024)).toEqual(
      expect.arrayContaining([expect.objectContaining({ submitted: 0 })]),
    );
  });

  it('folds the fiscal-year budget: set, committed, remaining', async () => {
    const adopted = (await eventsOf(A)).find((event) => event.type === 'ApplicationAdopted')!.data as {
      funding: { nationalShare: number };
    };
    const budgets = await tableRows(fixture.dataSource.manager, 'fiscal_year_budgets');
    expect(budgets).toEqual([
      {
        fiscal_year: 2025,
        national_budget: '100000000',
        committed: String(adopted.funding.nationalShare),
        remaining: String(100_000_000 - adopted.funding.nationalShare),
        intake_open: true,
        adopted_applications: 1,
        // Nothing decided, confirmed, released or paid before a grant decision.
        decided: '0',
        confirmed: '0',
        released: '0',
        paid: '0',
        stream_revision: '1',
        updated_at: new Date('2025-07-15T01:00:00.000Z'),
      },
    ]);
    expect(adopted.funding.nationalShare).toBeGreaterThan(0);
  });

  it('leaves every checkpoint at the end of the log, with no lag', async () => {
    const all: string[] = [];
    for await (const batch of fixture.store.readAll()) all.push(...batch.map((event) => event.checkpoint));
    const lag = await runner.lag({ countBehind: true });
    expect(lag).toEqual(
      readModelProjections.map((projection) => ({
        name: projection.name,
        checkpoint: all[all.length - 1],
        eventsProcessed: all.length,
        behindEvents: 0,
        lagMs: 0,
      })),
    );
  });
});
