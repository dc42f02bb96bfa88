import { financingMismatch, sumOfFigures } from './financing-balance';

/** The mismatch of the cost and financing figures, once all are known, with what the reader should do about it while something can be done. */
export function FinancingMismatch({
  costs,
  financing,
  advice,
}: {
  costs: readonly (number | undefined)[];
  financing: readonly (number | undefined)[];
  advice?: string;
}) {
  const totalCost = sumOfFigures(costs);
  const totalFinancing = sumOfFigures(financing);
  const mismatch =
    totalCost === undefined || totalFinancing === undefined
      ? undefined
      : financingMismatch(totalCost, totalFinancing);
  if (mismatch === undefined) return null;
  return (
    <div className="notice notice--warning" role="note" data-testid="financing-mismatch">
      <p>{mismatch}</p>
      {advice && <p>{advice}</p>}
    </div>
  );
}
