import { financingMismatch } from './financing-balance';

/** The mismatch, if any, with what the reader should do about it. */
export function FinancingMismatch({
  totalCost,
  financing,
  advice,
}: {
  totalCost: number;
  financing: number;
  advice: string;
}) {
  const mismatch = financingMismatch(totalCost, financing);
  if (mismatch === undefined) return null;
  return (
    <div className="notice notice--warning" role="note" data-testid="financing-mismatch">
      <p>{mismatch}</p>
      <p>{advice}</p>
    </div>
  );
}
