import type { Principal } from '../../auth/principal';
import { utcWallTime } from '../iso-instant.sql';
import { writersOf } from '../kept-page.sql';
import { selectList, SqlConditions } from '../sql-conditions';
import { seesEverything } from '../visibility';
import type { DueFacts } from './award-due';
import type { AwardsQueryDto } from './awards.dto';

/** What the ledger's pages are read from: the ledger, and the summaries for the titles. */
export const LEDGER_WRITERS = writersOf(['award_ledger', 'application_summaries']);

/**
 * A line's project title, looked up per line of the page (after the index has ordered and
 * limited it), as the review queue's lines are: the browser used to ask for each line's whole
 * application to show its title, fifty requests a page.
 */
export const PROJECT_TITLE =
  '(SELECT s.project_title FROM application_summaries s WHERE s.id = a.application_id)';

/**
 * A ledger line as PostgreSQL sends it, read raw (no entity built per row): bigints as text,
 * instants as UTC wall time (iso-instant.sql.ts), dates as ISO text.
 */
export interface LedgerRow extends DueFacts {
  readonly applicationId: string;
  readonly projectTitle: string | null;
  readonly municipalityCode: string;
  readonly fiscalYear: number | null;
  readonly adoptedAt: string;
  readonly approvedGrant: string | null;
  readonly approvedNationalShare: string | null;
  readonly decidedGrant: string | null;
  readonly decidedNationalShare: string | null;
  readonly confirmedGrant: string | null;
  readonly confirmedNationalShare: string | null;
  readonly limitedBy: string | null;
  readonly commitment: string | null;
  readonly paid: string;
  readonly refundDue: string;
  readonly revision: string;
}

/** What tells a line's next due date: the columns of DueFacts. */
export const DUE_COLUMNS: Record<keyof DueFacts, string> = {
  status: 'a.status',
  grantApplied: 'a.grant_applied_at IS NOT NULL',
  grantApplicationDueDate: 'a.grant_application_due_date::text',
  reported: 'a.reported_at IS NOT NULL',
  reportDueDate: 'a.report_due_date::text',
};

/** The columns a ledger line shows, and nothing else. */
export const SELECT_LEDGER_LINE = selectList({
  applicationId: 'a.application_id',
  projectTitle: PROJECT_TITLE,
  municipalityCode: 'a.municipality_code',
  fiscalYear: 'a.fiscal_year',
  adoptedAt: utcWallTime('a.adopted_at'),
  approvedGrant: 'a.approved_grant::text',
  approvedNationalShare: 'a.approved_national_share::text',
  decidedGrant: 'a.decided_grant::text',
  decidedNationalShare: 'a.decided_national_share::text',
  confirmedGrant: 'a.confirmed_grant::text',
  confirmedNationalShare: 'a.confirmed_national_share::text',
  limitedBy: 'a.limited_by',
  commitment: 'a.commitment::text',
  paid: 'a.paid::text',
  refundDue: 'a.refund_due::text',
  revision: 'a.stream_revision::text',
  ...DUE_COLUMNS,
} satisfies Record<keyof LedgerRow, string>);

/** Adopted applications the caller may see (a municipality its own), narrowed by the filters. */
export function ledgerScope(principal: Principal, filters: AwardsQueryDto): SqlConditions {
  const sql = new SqlConditions().where('a.adopted_at IS NOT NULL');
  if (!seesEverything(principal))
    sql.where(`a.municipality_code = ${sql.value(principal.municipalityCode ?? '')}`);
  if (filters.fiscalYear) sql.where(`a.fiscal_year = ${sql.value(filters.fiscalYear)}`);
  if (filters.status) sql.where(`a.status = ${sql.value(filters.status)}`);
  if (filters.applicationId) sql.where(`a.application_id = ${sql.value(filters.applicationId)}::uuid`);
  return sql;
}
