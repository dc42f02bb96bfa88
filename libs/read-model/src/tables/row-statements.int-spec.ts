import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import {
  deletePart,
  deleteRows,
  findRows,
  FiscalYearBudgetRow,
  ReviewQueueRow,
  readModelEntities,
  RoundStatisticRow,
  rowsStatement,
  runRowsStatement,
  upsertPart,
  upsertRows,
  writeRows,
} from '@l10k/read-model';
import { createTestDatabase } from '../../../../test/test-database';

const budget = (fiscalYear: number, streamRevision: number, nationalBudget: number): FiscalYearBudgetRow => ({
  fiscalYear,
  nationalBudget,
  committed: 0,
  decided: 0,
  confirmed: 0,
  released: 0,
  paid: 0,
  remaining: nationalBudget,
  intakeOpen: true,
  adoptedApplications: 0,
  streamRevision,
  updatedAt: new Date('2025-04-01T00:00:00.000Z'),
});

/** A table of this spec's own, with a document of each kind beside plain and array columns. */
@Entity({ name: 'documents_beside_rows' })
class DocumentsRow {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  @Column('text', { array: true })
  tags: string[];

  @Column('jsonb', { nullable: true })
  outcome: { outcome: string; reason: string } | null;

  @Column('json')
  detail: Record<string, unknown>;

  @Column('integer')
  revision: number;
}

describe('statements built from a read table’s entity', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({
      type: 'postgres',
      url: await createTestDatabase('row_statements'),
      entities: [...readModelEntities, DocumentsRow],
    });
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE documents_beside_rows (
      id uuid PRIMARY KEY, title text NOT NULL, tags text[] NOT NULL, outcome jsonb, detail json NOT NULL,
      revision integer NOT NULL)`);
  });

  afterAll(() => dataSource.destroy());

  it('write a row by property name into the entity’s columns and read it back as the entity types it', async () => {
    await upsertRows(
      dataSource.manager,
      FiscalYearBudgetRow,
      'fiscal_year_budgets',
      [budget(2025, 0, 5_000_000_000)],
      {
        newerBy: 'streamRevision',
      },
    );
    const [raw] = await dataSource.query('SELECT * FROM fiscal_year_budgets WHERE fiscal_year = 2025');
    expect(raw).toMatchObject({ fiscal_year: 2025, national_budget: '5000000000', intake_open: true });
    expect(
      await findRows(
        dataSource.manager,
        FiscalYearBudgetRow,
        'fiscal_year_budgets',
        'fiscalYear',
        [2025, 1999],
        ['nationalBudget', 'streamRevision', 'updatedAt'],
      ),
    ).toEqual([
      {
        fiscalYear: 2025,
        nationalBudget: 5_000_000_000,
        streamRevision: 0,
        updatedAt: new Date('2025-04-01T00:00:00.000Z'),
      },
    ]);
  });

  it('overwrite a row only with a later revision of its stream', async () => {
    const write = (row: FiscalYearBudgetRow) =>
      upsertRows(dataSource.manager, FiscalYearBudgetRow, 'fiscal_year_budgets', [row], {
        newerBy: 'streamRevision',
      });
    await write(budget(2026, 3, 300));
    await write(budget(2026, 2, 200));
    await write(budget(2026, 3, 333));
    const stored = () =>
      findRows(
        dataSource.manager,
        FiscalYearBudgetRow,
        'fiscal_year_budgets',
        'fiscalYear',
        [2026],
        ['nationalBudget'],
      );
    expect(await stored()).toEqual([{ fiscalYear: 2026, nationalBudget: 300 }]);
    await write(budget(2026, 4, 400));
    expect(await stored()).toEqual([{ fiscalYear: 2026, nationalBudget: 400 }]);
  });

  it('keep the stored row of an insert-only fact, write several rows at once, and delete by key', async () => {
    const fact = (round: string, requestedGrant: number): RoundStatisticRow => ({
      applicationId: '00000000-0000-4000-a000-000000000001',
      round,
      fiscalYear: 2025,
      track: 'national',
      submittedRevision: 2,
      outcome: null,
      requestedGrant,
      approvedGrant: null,
      nationalShare: null,
      streamRevision: 2,
    });
    await upsertRows(
      dataSource.manager,
      RoundStatisticRow,
      'round_statistics',
      [fact('2025-06', 1), fact('2025-07', 2)],
      'keep',
    );
    await upsertRows(
      dataSource.manager,
      RoundStatisticRow,
      'round_statistics',
      [fact('2025-06', 99)],
      'keep',
    );
    const rows = await dataSource.query('SELECT round, requested_grant FROM round_statistics ORDER BY round');
    expect(rows).toEqual([
      { round: '2025-06', requested_grant: '1' },
      { round: '2025-07', requested_grant: '2' },
    ]);
    await deleteRows(dataSource.manager, RoundStatisticRow, 'round_statistics', 'round', ['2025-06']);
    expect(await dataSource.query('SELECT round FROM round_statistics')).toEqual([{ round: '2025-07' }]);
  });

  it('write thousands of rows in one statement, array columns included, and find them by a list of keys', async () => {
    const queued = Array.from({ length: 3_000 }, (_, index): ReviewQueueRow => ({
      applicationId: `00000000-0000-4000-a000-${String(index).padStart(12, '0')}`,
      round: '2025-06',
      fiscalYear: 2025,
      decisionDueDate: '2025-07-22',
      municipalityCode: '032077',
      reviewerIds: index % 2 === 0 ? [] : ['reviewer-sato', `reviewer-${index}`],
      reviewsDone: index % 3,
      reviewsNeeded: 2,
      status: 'under_review',
      streamRevision: 4,
    }));
    await upsertRows(dataSource.manager, ReviewQueueRow, 'review_queue', queued, {
      newerBy: 'streamRevision',
    });
    const found = await findRows(
      dataSource.manager,
      ReviewQueueRow,
      'review_queue',
      'applicationId',
      [queued[0].applicationId, queued[2_999].applicationId],
      ['reviewerIds', 'decisionDueDate', 'streamRevision'],
    );
    expect(found.sort((a, b) => a.applicationId.localeCompare(b.applicationId))).toEqual([
      {
        applicationId: queued[0].applicationId,
        reviewerIds: [],
        decisionDueDate: '2025-07-22',
        streamRevision: 4,
      },
      {
        applicationId: queued[2_999].applicationId,
        reviewerIds: ['reviewer-sato', 'reviewer-2999'],
        decisionDueDate: '2025-07-22',
        streamRevision: 4,
      },
    ]);
    await deleteRows(
      dataSource.manager,
      ReviewQueueRow,
      'review_queue',
      'applicationId',
      queued.slice(1).map((row) => row.applicationId),
    );
    expect(await dataSource.query('SELECT application_id FROM review_queue')).toEqual([
      { application_id: queued[0].applicationId },
    ]);
  });

  it('write several tables in one statement: upserts and deletes together, empty parts left out', async () => {
    const queued = (index: number, streamRevision: number): ReviewQueueRow => ({
      applicationId: `00000000-0000-4000-b000-${String(index).padStart(12, '0')}`,
      round: '2025-06',
      fiscalYear: 2025,
      decisionDueDate: '2025-07-22',
      municipalityCode: '032077',
      reviewerIds: [],
      reviewsDone: 0,
      reviewsNeeded: 2,
      status: 'submitted',
      streamRevision,
    });
    await upsertRows(dataSource.manager, ReviewQueueRow, 'review_queue', [queued(1, 1), queued(2, 1)], {
      newerBy: 'streamRevision',
    });
    const statements: string[] = [];
    const query = dataSource.manager.query.bind(dataSource.manager);
    const counting = Object.create(dataSource.manager, {
      query: {
        value: (sql: string, parameters?: unknown[]) => {
          statements.push(sql);
          return query(sql, parameters);
        },
      },
    });
    await writeRows(counting, [
      upsertPart(ReviewQueueRow, 'review_queue', [queued(1, 3), queued(3, 1)], { newerBy: 'streamRevision' }),
      deletePart(ReviewQueueRow, 'review_queue', 'applicationId', [queued(2, 1).applicationId]),
      upsertPart(FiscalYearBudgetRow, 'fiscal_year_budgets', [budget(2031, 1, 31)], {
        newerBy: 'streamRevision',
      }),
      upsertPart(RoundStatisticRow, 'round_statistics', [], 'keep'),
    ]);
    expect(statements).toHaveLength(1);
    expect(
      await dataSource.query(
        "SELECT application_id, stream_revision FROM review_queue WHERE application_id::text LIKE '00000000-0000-4000-b000-%' ORDER BY application_id",
      ),
    ).toEqual([
      { application_id: queued(1, 3).applicationId, stream_revision: '3' },
      { application_id: queued(3, 1).applicationId, stream_revision: '1' },
    ]);
    expect(
      await dataSource.query('SELECT national_budget FROM fiscal_year_budgets WHERE fiscal_year = 2031'),
    ).toEqual([{ national_budget: '31' }]);
    await writeRows(counting, [upsertPart(RoundStatisticRow, 'round_statistics', [], 'keep')]);
    expect(statements).toHaveLength(1);
  });

  it('write only where a guard’s rows stand at the revisions it expects, and say whether they did', async () => {
    const manager = dataSource.manager;
    const newer = { newerBy: 'streamRevision' } as const;
    await upsertRows(
      manager,
      FiscalYearBudgetRow,
      'fiscal_year_budgets',
      [budget(2040, 0, 1), budget(2041, 0, 1)],
      newer,
    );
    const years = async () =>
      (
        await dataSource.query(
          'SELECT fiscal_year, stream_revision FROM fiscal_year_budgets WHERE fiscal_year >= 2040 ORDER BY 1',
        )
      ).map(
        (row: { fiscal_year: number; stream_revision: string }) =>
          `${row.fiscal_year}@${row.stream_revision}`,
      );
    /** Writes 2041 at revision 1 and 2042 at 0, deletes 2040, guarded by where 2041 and 2042 are expected. */
    const writeExpecting = (at2041: bigint, at2042: bigint) =>
      runRowsStatement(
        manager,
        rowsStatement(
          manager,
          [
            upsertPart(
              FiscalYearBudgetRow,
              'fiscal_year_budgets',
              [budget(2041, 1, 2), budget(2042, 0, 2)],
              newer,
            ),
            deletePart(FiscalYearBudgetRow, 'fiscal_year_budgets', 'fiscalYear', [2040]),
          ],
          {
            entity: FiscalYearBudgetRow,
            table: 'fiscal_year_budgets',
            key: 'fiscalYear',
            revision: 'streamRevision',
            expected: new Map([
              [2041, at2041],
              [2042, at2042],
            ]),
          },
        )!,
      );

    // 2041 is not at revision 5: nothing is written, nothing deleted.
    expect(await writeExpecting(5n, -1n)).toBe(false);
    expect(await years()).toEqual(['2040@0', '2041@0']);
    // 2042 has no row (-1), 2041 stands at 0: all of it is written.
    expect(await writeExpecting(0n, -1n)).toBe(true);
    expect(await years()).toEqual(['2041@1', '2042@0']);
    // Expected to have no row, 2042 now has one.
    expect(await writeExpecting(1n, -1n)).toBe(false);
  });

  it('write json and jsonb documents beside the rows: escapes, SQL NULL, several per row', async () => {
    // Documents travel as JSON arrays of their own: escapes and non-ASCII must come back as sent.
    const awkward = 'tab\there, line\nbreak, cr\r, back\\slash, "quotes", \u2028, 久慈市';
    const row = (index: number, outcome: DocumentsRow['outcome']): DocumentsRow => ({
      id: `00000000-0000-4000-c000-${String(index).padStart(12, '0')}`,
      title: awkward,
      tags: [`tag-${index}`, awkward],
      outcome,
      detail: { note: awkward, index, nested: { list: [1, null, awkward] } },
      revision: index,
    });
    const rows = [row(1, null), row(2, { outcome: 'rejected', reason: awkward }), row(3, null)];
    await upsertRows(dataSource.manager, DocumentsRow, 'documents_beside_rows', rows, {
      newerBy: 'revision',
    });
    const stored = await dataSource.query(
      'SELECT id, title, tags, outcome, detail::text AS detail FROM documents_beside_rows ORDER BY id',
    );
    expect(stored).toEqual(
      rows.map(({ id, tags, outcome, detail }) => ({
        id,
        title: awkward,
        tags,
        outcome,
        // json keeps the text it was given.
        detail: JSON.stringify(detail),
      })),
    );
    const [{ nulls }] = await dataSource.query(
      'SELECT count(*)::int AS nulls FROM documents_beside_rows WHERE outcome IS NULL',
    );
    expect(nulls).toBe(2);
  });

  it('name the property when it is not a column of the table', async () => {
    await expect(
      findRows(
        dataSource.manager,
        FiscalYearBudgetRow,
        'fiscal_year_budgets',
        'fiscalYear',
        [2025],
        ['nationalBudget', 'surplus' as keyof FiscalYearBudgetRow & string],
      ),
    ).rejects.toThrow('fiscal_year_budgets has no column for property surplus');
  });
});
