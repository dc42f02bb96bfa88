import type { EntityManager } from 'typeorm';

/** One intake round (a month) of a fiscal year, as `GET /v1/statistics/monthly` answers it. Yen are integers. */
export interface RoundStatistics {
  readonly round: string;
  /** (Re)submissions that joined this round, each application counted once per round. */
  readonly submitted: number;
  readonly adopted: number;
  readonly rejected: number;
  readonly withdrawn: number;
  /** Sum of the grants requested by this round's submissions. */
  readonly requestedGrant: number;
  /** Sum of the approved grants of this round's adoptions. */
  readonly approvedGrant: number;
  /** Sum of the national shares committed by this round's adoptions. */
  readonly nationalShare: number;
  /** Local track: reports to MIC in this round, each application counted once per round. */
  readonly localReported: number;
  readonly localAcknowledged: number;
  readonly localReturned: number;
  readonly localWithdrawn: number;
  /** Sum of the grants of this round's local reports (the special tax covers half; no national share). */
  readonly localGrant: number;
}

/** A round's totals as PostgreSQL sends them (`ROUND_TOTALS`): counts and sums as text. */
export interface RoundTotals {
  readonly round: string;
  readonly submitted: string;
  readonly adopted: string;
  readonly rejected: string;
  readonly withdrawn: string;
  readonly requested_grant: string;
  readonly approved_grant: string;
  readonly national_share: string;
  readonly local_reported: string;
  readonly local_acknowledged: string;
  readonly local_returned: string;
  readonly local_withdrawn: string;
  readonly local_grant: string;
}

/** A round's totals over its `round_statistics` rows, as SQL aggregates (grouped by round). */
export const ROUND_TOTALS = `count(*) FILTER (WHERE track = 'national') AS submitted,
  count(*) FILTER (WHERE track = 'national' AND outcome = 'adopted') AS adopted,
  count(*) FILTER (WHERE track = 'national' AND outcome = 'rejected') AS rejected,
  count(*) FILTER (WHERE track = 'national' AND outcome = 'withdrawn') AS withdrawn,
  coalesce(sum(requested_grant) FILTER (WHERE track = 'national'), 0) AS requested_grant,
  coalesce(sum(approved_grant) FILTER (WHERE track = 'national' AND outcome = 'adopted'), 0) AS approved_grant,
  coalesce(sum(national_share) FILTER (WHERE track = 'national' AND outcome = 'adopted'), 0) AS national_share,
  count(*) FILTER (WHERE track = 'local') AS local_reported,
  count(*) FILTER (WHERE track = 'local' AND outcome = 'acknowledged') AS local_acknowledged,
  count(*) FILTER (WHERE track = 'local' AND outcome = 'returned') AS local_returned,
  count(*) FILTER (WHERE track = 'local' AND outcome = 'withdrawn') AS local_withdrawn,
  coalesce(sum(requested_grant) FILTER (WHERE track = 'local'), 0) AS local_grant`;

/** April of `fiscalYear` to March of the next year: '2025-04' … '2026-03'. */
export const roundsOfFiscalYear = (fiscalYear: number): string[] =>
  Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    const year = index < 9 ? fiscalYear : fiscalYear + 1;
    return `${year}-${String(month).padStart(2, '0')}`;
  });

/**
 * Every round of the fiscal year, in order, zeros included (the Ministry's charts are
 * monthly); the national track's columns, then the local track's own.
 */
export async function monthlyStatistics(
  manager: EntityManager,
  fiscalYear: number,
): Promise<RoundStatistics[]> {
  const rows: RoundTotals[] = await manager.query(
    `SELECT round, ${ROUND_TOTALS} FROM round_statistics WHERE fiscal_year = $1 GROUP BY round`,
    [fiscalYear],
  );
  return roundStatisticsOf(fiscalYear, rows);
}

/** Every round of the fiscal year from the totals of those that have any, zeros for the others. */
export function roundStatisticsOf(fiscalYear: number, rows: readonly RoundTotals[]): RoundStatistics[] {
  const byRound = new Map(rows.map((row) => [row.round, row]));
  return roundsOfFiscalYear(fiscalYear).map((round) => {
    const row = byRound.get(round);
    return {
      round,
      submitted: Number(row?.submitted ?? 0),
      adopted: Number(row?.adopted ?? 0),
      rejected: Number(row?.rejected ?? 0),
      withdrawn: Number(row?.withdrawn ?? 0),
      requestedGrant: Number(row?.requested_grant ?? 0),
      approvedGrant: Number(row?.approved_grant ?? 0),
      nationalShare: Number(row?.national_share ?? 0),
      localReported: Number(row?.local_reported ?? 0),
      localAcknowledged: Number(row?.local_acknowledged ?? 0),
      localReturned: Number(row?.local_returned ?? 0),
      localWithdrawn: Number(row?.local_withdrawn ?? 0),
      localGrant: Number(row?.local_grant ?? 0),
    };
  });
}
