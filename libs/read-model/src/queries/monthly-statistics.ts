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
}

interface Totals {
  round: string;
  submitted: string;
  adopted: string;
  rejected: string;
  withdrawn: string;
  requested_grant: string;
  approved_grant: string;
  national_share: string;
}

/** April of `fiscalYear` to March of the next year: '2025-04' … '2026-03'. */
export const roundsOfFiscalYear = (fiscalYear: number): string[] =>
  Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    const year = index < 9 ? fiscalYear : fiscalYear + 1;
    return `${year}-${String(month).padStart(2, '0')}`;
  });

/** Every round of the fiscal year, in order, zeros included (the Ministry's charts are monthly). */
export async function monthlyStatistics(
  manager: EntityManager,
  fiscalYear: number,
): Promise<RoundStatistics[]> {
  const rows: Totals[] = await manager.query(
    `SELECT round,
            count(*) AS submitted,
            count(*) FILTER (WHERE outcome = 'adopted') AS adopted,
            count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
            count(*) FILTER (WHERE outcome = 'withdrawn') AS withdrawn,
            coalesce(sum(requested_grant), 0) AS requested_grant,
            coalesce(sum(approved_grant) FILTER (WHERE outcome = 'adopted'), 0) AS approved_grant,
            coalesce(sum(national_share) FILTER (WHERE outcome = 'adopted'), 0) AS national_share
       FROM round_statistics
      WHERE fiscal_year = $1
      GROUP BY round`,
    [fiscalYear],
  );
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
    };
  });
}
