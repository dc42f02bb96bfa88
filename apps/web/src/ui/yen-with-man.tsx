import { formatManYen, formatYen } from '../format/money';

/**
 * A figure in a list's cell: yen, with its 万円 reading below it (as officers speak of grants),
 * or — while there is none yet.
 */
export function YenWithMan({ yen }: { yen: number | null | undefined }) {
  if (yen === null || yen === undefined) return <>—</>;
  return (
    <>
      {formatYen(yen)}
      <div className="muted">{formatManYen(yen)}</div>
    </>
  );
}
