import { roundLabel } from '../../api/rounds';
import { formatYen } from '../../format/money';
import type { RoundStatistics } from './audit-views';
import { yearTotal } from './statistics-figures';

type Figure = (round: RoundStatistics) => number;

/** One figure of a round, as a column of the table: its heading, its cell and, when it has one, the year's total. */
export interface RoundColumn {
  readonly heading: string;
  /** `index`: the round's place in the year, for running figures. */
  readonly cell: (round: RoundStatistics, index: number) => string;
  readonly total?: (rounds: readonly RoundStatistics[]) => string;
}

/** A count of the round (件), totalled for the year. */
export const countColumn = (heading: string, pick: Figure): RoundColumn => ({
  heading,
  cell: (round) => `${pick(round)}件`,
  total: (rounds) => `${yearTotal(rounds, pick)}件`,
});

/** An amount of the round in yen, totalled for the year. */
export const yenColumn = (heading: string, pick: Figure): RoundColumn => ({
  heading,
  cell: (round) => formatYen(pick(round)),
  total: (rounds) => formatYen(yearTotal(rounds, pick)),
});

/**
 * A fiscal year's rounds, one row each (2025年6月締切回), a column per figure, and the year's
 * totals (年度計) below when the columns have them.
 */
export function RoundsTable({
  testId,
  caption,
  captionHidden = false,
  rounds,
  columns,
}: {
  testId: string;
  caption: string;
  /** Said to assistive technology only, where a heading above already names the table. */
  captionHidden?: boolean;
  rounds: readonly RoundStatistics[];
  columns: readonly RoundColumn[];
}) {
  const totalled = columns.some((column) => column.total !== undefined);
  return (
    <table className="table" data-testid={testId}>
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">募集回</th>
          {columns.map((column) => (
            <th key={column.heading} scope="col" className="numeric">
              {column.heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rounds.map((round, index) => (
          <tr key={round.round}>
            <th scope="row">{roundLabel(round.round)}</th>
            {columns.map((column) => (
              <td key={column.heading} className="numeric">
                {column.cell(round, index)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {totalled && (
        <tfoot>
          <tr>
            <th scope="row">年度計</th>
            {columns.map((column) => (
              <td key={column.heading} className="numeric">
                {column.total?.(rounds)}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
