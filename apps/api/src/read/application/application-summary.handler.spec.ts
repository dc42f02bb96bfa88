import type { DataSource } from 'typeorm';
import type { ApplicationRecord } from '@l10k/read-model';
import type { Principal } from '../../auth/principal';
import { CoalescedRead } from '../../database/coalesced-read';
import type { ReadModelMoves } from '../read-model-moves';
import { ApplicationSummaryHandler } from './application-summary.handler';
import { ApplicationSummaryQuery } from './application-summary.query';

const ID = '7d0b6f5e-0000-4000-8000-000000000001';
const TONO = '032077';

const record = (title: string): ApplicationRecord =>
  ({
    id: ID,
    municipalityCode: TONO,
    status: 'under_review',
    track: 'national',
    plan: { projectTitle: title },
    warnings: [],
    createdAt: '2025-06-02T01:00:00.000Z',
    assessment: { round: '2025-06', fiscalYear: 2025 },
    reviewCycle: 1,
    reviewers: [{ reviewerId: 'reviewer-ito', assignedAt: '2025-06-12T01:00:00.000Z', recused: false }],
    reviews: [],
    reviewsDone: 0,
    documents: [],
  }) as unknown as ApplicationRecord;

const row = (version: string, detail: ApplicationRecord | null, municipalityCode = TONO) => ({
  key: '',
  municipalityCode,
  reviewerIds: ['reviewer-ito'],
  version,
  revision: version.split(':')[0],
  reviewsNeeded: 2,
  updatedAt: '2025-06-12 01:00:00',
  detail,
});

const officer: Principal = { sub: 'officer-1', name: '担当官', roles: ['program_officer'] };
const tono: Principal = { sub: 'tono-1', name: '久慈市', roles: ['municipality'], municipalityCode: TONO };

/** What the handler has heard of the projector's commits, as each test moves it (none: not listening). */
const heard: { mark?: string } = {};
const moves = { mark: () => heard.mark } as unknown as ReadModelMoves;

/** The handler over a read model that answers what each test says, recording what it was asked. */
function handlerReading(...answers: ReturnType<typeof row>[]) {
  const asked: string[] = [];
  const read = jest.spyOn(CoalescedRead.prototype, 'read').mockImplementation(async (key: string) => {
    asked.push(key);
    const next = answers.shift();
    return next && { ...next, key };
  });
  const handler = new ApplicationSummaryHandler({} as DataSource, moves);
  return { handler, asked, read };
}

afterEach(() => {
  jest.restoreAllMocks();
  heard.mark = undefined;
});

describe('the application summary handler', () => {
  it('answers the kept view while the row is the version it was made from, asking for no detail', async () => {
    const { handler, asked } = handlerReading(row('3:901', record('木工')), row('3:901', null));
    const first = await handler.execute(new ApplicationSummaryQuery(ID, officer));
    const again = await handler.execute(new ApplicationSummaryQuery(ID, officer));
    expect(asked).toEqual([`${ID}|`, `${ID}|3:901`]);
    expect(again).toBe(first);
    expect(first.revision).toBe(3);
    expect(JSON.parse(JSON.stringify(first.view))).toMatchObject({
      plan: { projectTitle: '木工' },
      revision: 3,
    });
  });

  it('makes the view again from a row written since, even at the same revision', async () => {
    const { handler, asked } = handlerReading(
      row('3:901', record('木工')),
      row('3:955', record('木工（改）')),
    );
    await handler.execute(new ApplicationSummaryQuery(ID, officer));
    const after = await handler.execute(new ApplicationSummaryQuery(ID, officer));
    expect(asked[1]).toBe(`${ID}|3:901`);
    expect(JSON.parse(JSON.stringify(after.view)).plan.projectTitle).toBe('木工（改）');
  });

  it('asks for the detail for a reader whose view is not kept yet', async () => {
    const { handler, asked } = handlerReading(row('3:901', record('木工')), row('3:901', record('木工')));
    await handler.execute(new ApplicationSummaryQuery(ID, officer));
    const own = await handler.execute(new ApplicationSummaryQuery(ID, tono));
    expect(asked).toEqual([`${ID}|`, `${ID}|`]);
    expect(JSON.parse(JSON.stringify(own.view)).reviewers[0]).not.toHaveProperty('reviewerId');
  });

  it("keeps a reviewer's own view apart from the officers', even a reviewer who is an officer too", async () => {
    const { handler, asked } = handlerReading(
      row('3:901', record('木工')),
      row('3:901', record('木工')),
      row('3:901', null),
    );
    await handler.execute(new ApplicationSummaryQuery(ID, officer));
    const both: Principal = { sub: 'reviewer-ito', name: '伊藤', roles: ['program_officer', 'reviewer'] };
    const own = await handler.execute(new ApplicationSummaryQuery(ID, both));
    expect(asked).toEqual([`${ID}|`, `${ID}|`]);
    expect(JSON.parse(JSON.stringify(own.view)).ownStep).toBe('declare');
    const officers = await handler.execute(new ApplicationSummaryQuery(ID, officer));
    expect(asked[2]).toBe(`${ID}|3:901`);
    expect(JSON.parse(JSON.stringify(officers.view))).not.toHaveProperty('ownStep');
  });

  it('decides on the row read now whether the caller may see it, a kept view or not', async () => {
    const { handler } = handlerReading(row('3:901', record('木工')), row('3:901', null, '131016'));
    await handler.execute(new ApplicationSummaryQuery(ID, tono));
    await expect(handler.execute(new ApplicationSummaryQuery(ID, tono))).rejects.toMatchObject({
      problem: { status: 404 },
    });
  });

  it('answers the kept view without reading while no commit of the summaries has been heard since its row was read', async () => {
    heard.mark = '1:4';
    const { handler, asked } = handlerReading(row('3:901', record('木工')), row('3:901', null));
    const first = await handler.execute(new ApplicationSummaryQuery(ID, officer));
    expect(await handler.execute(new ApplicationSummaryQuery(ID, officer))).toBe(first);
    expect(asked).toEqual([`${ID}|`]);
    heard.mark = '1:5';
    expect(await handler.execute(new ApplicationSummaryQuery(ID, officer))).toBe(first);
    expect(await handler.execute(new ApplicationSummaryQuery(ID, officer))).toBe(first);
    expect(asked).toEqual([`${ID}|`, `${ID}|3:901`]);
  });

  it('asks again whether the caller may see a view answered without reading', async () => {
    heard.mark = '1:4';
    const { handler, asked } = handlerReading(row('3:901', record('木工')));
    await handler.execute(new ApplicationSummaryQuery(ID, tono));
    const otherTown: Principal = { ...tono, municipalityCode: '131016' };
    await expect(handler.execute(new ApplicationSummaryQuery(ID, otherTown))).rejects.toMatchObject({
      problem: { status: 404 },
    });
    expect(asked).toHaveLength(1);
  });
});
