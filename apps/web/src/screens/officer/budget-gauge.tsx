import type { components } from '../../api/schema';
import { formatYenWithMan } from '../../format/money';
import { fiscalYearLabel } from '../../format/fiscal-year';

export type Budget = components['schemas']['BudgetView'];

/** Whole percent of `part` in `whole`, in integers (no floating point on money). */
function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.min(100, Math.max(0, Math.trunc((part * 100) / whole)));
}

/** The fiscal year's national budget: committed against budget as a bar, every figure also as text. */
export function BudgetGauge({ budget }: { budget: Budget }) {
  const committedPercent = percent(budget.committed, budget.nationalBudget);
  const unset = budget.revision < 0;
  return (
    <section
      className="budget"
      aria-labelledby={`budget-title-${budget.fiscalYear}`}
      data-testid="budget-gauge"
    >
      <h2 id={`budget-title-${budget.fiscalYear}`}>{fiscalYearLabel(budget.fiscalYear)}の国費予算</h2>
      {unset && (
        <p className="notice">この年度の予算はまだ設定されていません。採択には予算の設定が必要です。</p>
      )}
      <div className="gauge" role="img" aria-label={`予算に対する確保済みの割合 ${committedPercent}%`}>
        <div className="gauge__committed" style={{ width: `${committedPercent}%` }} />
      </div>
      <p className="muted">確保済み {committedPercent}%</p>
      <dl className="figures budget__figures">
        <dt>予算額</dt>
        <dd data-testid="budget-national">{formatYenWithMan(budget.nationalBudget)}</dd>
        <dt>確保済み（採択した国費）</dt>
        <dd data-testid="budget-committed">{formatYenWithMan(budget.committed)}</dd>
        <dt>残額</dt>
        <dd data-testid="budget-remaining">{formatYenWithMan(budget.remaining)}</dd>
        <dt>採択件数</dt>
        <dd>{budget.adoptedApplications}件</dd>
        <dt>交付決定</dt>
        <dd>{formatYenWithMan(budget.decided)}</dd>
        <dt>額の確定</dt>
        <dd>{formatYenWithMan(budget.confirmed)}</dd>
        <dt>戻し入れ</dt>
        <dd>{formatYenWithMan(budget.released)}</dd>
        <dt>支払済み</dt>
        <dd>{formatYenWithMan(budget.paid)}</dd>
        <dt>受付</dt>
        <dd data-testid="budget-intake">{budget.intakeOpen ? '受付中' : '受付停止'}</dd>
      </dl>
    </section>
  );
}
