import type { components } from '../api/schema';
import { formatYenWithMan } from '../format/money';
import { RATE_BASIS_LABELS, label } from '../messages/labels';

export type FundingFiguresData = Omit<components['schemas']['FundingFiguresView'], 'track'>;

/**
 * The calculator's figures as a definition list: the municipal form's live estimate, the
 * figures of a submitted application, and an adoption's recomputed ones all read the same.
 */
export function FundingFigures({
  figures,
  withGrant = false,
  testIdPrefix = 'calc',
}: {
  figures: FundingFiguresData;
  /** The grant G itself (the municipal form shows it in its own field). */
  withGrant?: boolean;
  testIdPrefix?: string;
}) {
  return (
    <dl className="figures">
      <dt>総事業費</dt>
      <dd>{formatYenWithMan(figures.totalCost)}</dd>
      <dt>対象経費</dt>
      <dd>{formatYenWithMan(figures.eligibleCost)}</dd>
      {withGrant && (
        <>
          <dt>交付額</dt>
          <dd data-testid={`${testIdPrefix}-grant`}>{formatYenWithMan(figures.grant)}</dd>
        </>
      )}
      <dt>融資倍率</dt>
      <dd>{figures.loanMultiple ? `${figures.loanMultiple}倍` : '—'}</dd>
      <dt>交付額の上限</dt>
      <dd>
        <span data-testid={`${testIdPrefix}-cap`}>{formatYenWithMan(figures.cap)}</span>
        <span className="muted">（融資倍率に応じた上限）</span>
      </dd>
      <dt>最大交付額</dt>
      <dd>
        <span data-testid={`${testIdPrefix}-max-grant`}>{formatYenWithMan(figures.maxGrant)}</span>
        <span className="muted">（この融資額と経費で受けられる最大の額）</span>
      </dd>
      <dt>補助率</dt>
      <dd>
        {figures.subsidyRate.numerator}/{figures.subsidyRate.denominator}
        <span className="muted">
          （{figures.subsidyRate.basis.map((basis) => label(RATE_BASIS_LABELS, basis)).join('、')}）
        </span>
      </dd>
      <dt>国費（交付金）</dt>
      <dd data-testid={`${testIdPrefix}-national-share`}>{formatYenWithMan(figures.nationalShare)}</dd>
      <dt>特別交付税措置</dt>
      <dd>{formatYenWithMan(figures.specialTaxShare)}</dd>
      <dt>自治体の実質負担</dt>
      <dd>{formatYenWithMan(figures.municipalShare)}</dd>
    </dl>
  );
}
