import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { japanDateOf, municipalityName } from '@l10k/rules';
import { Clock } from '../../clock/clock';
import type { AwardLedgerItemView, AwardLedgerView } from '../../views/award-ledger.view';
import { isoInstantOf } from '../iso-instant.sql';
import { KeptReads } from '../kept-read';
import { readPageUnlessUnchanged } from '../kept-page.sql';
import { DEFAULT_PAGE_SIZE } from '../paging/page-query.dto';
import { decodeCursor, encodeCursor, isInstant } from '../paging/keyset-cursor';
import { ReadModelMoves } from '../read-model-moves';
import { nextDue } from './award-due';
import { AwardLedgerQuery } from './award-ledger.query';
import { yen } from '../yen-text';
import { LEDGER_WRITERS, ledgerScope, SELECT_LEDGER_LINE, type LedgerRow } from './award-ledger-lines';

/**
 * Adopted applications, newest adoption first, keyset-paged on (adopted_at, application_id).
 * A page is kept, as the application list's pages are (kept-read.ts), while the ledger has not
 * changed and the day in Japan is the same: what is due is counted from today.
 */
@QueryHandler(AwardLedgerQuery)
export class AwardLedgerHandler implements IQueryHandler<AwardLedgerQuery, AwardLedgerView> {
  private readonly pages: KeptReads<AwardLedgerView>;

  constructor(
    @InjectDataSource() private readonly database: DataSource,
    private readonly clock: Clock,
    moves: ReadModelMoves,
  ) {
    this.pages = new KeptReads(() => moves.mark(LEDGER_WRITERS));
  }

  async execute({ principal, filters }: AwardLedgerQuery): Promise<AwardLedgerView> {
    const today = japanDateOf(this.clock.now());
    const limit = filters.limit ?? DEFAULT_PAGE_SIZE;
    const sql = ledgerScope(principal, filters);
    if (filters.cursor) {
      const after = decodeCursor(filters.cursor, isInstant);
      sql.where(
        `(a.adopted_at, a.application_id) < (${sql.value(after.key)}::timestamptz, ${sql.value(after.id)}::uuid)`,
      );
    }
    // The page follows from its conditions (the caller's scope is in their values) and today's date.
    const key = JSON.stringify([today, sql.clause, sql.values, limit]);
    return this.pages.answer(key, async (known) => {
      // The limit is written into the text (a validated integer), as the planner must see it.
      const { version, lines } = await readPageUnlessUnchanged<LedgerRow>(
        this.database,
        sql,
        LEDGER_WRITERS,
        known,
        {
          select: SELECT_LEDGER_LINE,
          from: 'award_ledger a',
          orderBy: 'a.adopted_at DESC, a.application_id DESC',
          // The UTC wall time's text sorts as its instant does, byte by byte.
          outerOrderBy: 'p."adoptedAt" COLLATE "C" DESC, p."applicationId" DESC',
          limit: limit + 1,
        },
      );
      if (lines === undefined) return { version };
      const items = lines.slice(0, limit).map((row) => ledgerItem(row, today));
      const last = items[items.length - 1];
      return {
        version,
        answer: {
          today,
          items,
          nextCursor:
            lines.length > limit && last
              ? encodeCursor({ key: last.adoptedAt, id: last.applicationId })
              : null,
        },
      };
    });
  }
}

/** Written out field by field, as the list's lines are: V8 builds such literals the fast way. */
const ledgerItem = (row: LedgerRow, today: string): AwardLedgerItemView => ({
  applicationId: row.applicationId,
  projectTitle: row.projectTitle,
  municipalityCode: row.municipalityCode,
  municipalityName: municipalityName(row.municipalityCode) ?? null,
  fiscalYear: row.fiscalYear ?? 0,
  status: row.status,
  adoptedAt: isoInstantOf(row.adoptedAt),
  approvedGrant: yen(row.approvedGrant) ?? 0,
  approvedNationalShare: yen(row.approvedNationalShare) ?? 0,
  decidedGrant: yen(row.decidedGrant),
  decidedNationalShare: yen(row.decidedNationalShare),
  confirmedGrant: yen(row.confirmedGrant),
  confirmedNationalShare: yen(row.confirmedNationalShare),
  limitedBy: row.limitedBy,
  commitment: yen(row.commitment),
  paid: Number(row.paid),
  refundDue: Number(row.refundDue),
  due: nextDue(row, today),
  revision: Number(row.revision),
});
