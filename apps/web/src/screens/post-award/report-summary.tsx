import { integer, record, records, text } from '../../api/read-fields';
import { formatDateTime } from '../../format/dates';
import { formatYen } from '../../format/money';
import { COST_CATEGORY_LABELS, LENDER_TYPE_LABELS, label } from '../../messages/labels';
import { DocumentRefs } from './document-picker';
import { FinancingMismatch } from './financing-mismatch';
import type { ApplicationView } from './use-award-application';
import { CalendarDate } from '../../ui/calendar-date';

const sum = (amounts: Iterable<number>): number => [...amounts].reduce((total, amount) => total + amount, 0);

/**
 * The performance report as filed, beside the plan it reports on (before the amount is
 * determined): every figure in exact yen, as the two columns are read against each other.
 */
export function ReportSummary({
  application,
  mismatchAdvice,
}: {
  application: ApplicationView;
  /** What the reader should do when the reported financing does not add up to the reported cost; none once nothing can be done. */
  mismatchAdvice?: string;
}) {
  const report = application.award?.report;
  if (!report) return null;
  // The report's costs and financing are documented as free-form objects: read the fields shown.
  const actualCosts = records(report.actualCosts);
  const loan = record(record(report.actualFinancing).loan);
  const plannedByCategory = new Map<string, number>();
  for (const cost of application.plan.costs ?? []) {
    const category = cost.category ?? '';
    plannedByCategory.set(category, (plannedByCategory.get(category) ?? 0) + (cost.amount ?? 0));
  }
  const actualByCategory = new Map<string, number>();
  for (const cost of actualCosts) {
    const category = text(cost.category) ?? '';
    actualByCategory.set(category, (actualByCategory.get(category) ?? 0) + (integer(cost.amount) ?? 0));
  }
  const categories = [...new Set([...plannedByCategory.keys(), ...actualByCategory.keys()])];
  const funding = application.plan.funding;
  const ownFunds = integer(record(report.actualFinancing).ownFunds);
  return (
    <section aria-labelledby="report-summary-title" data-testid="report-summary">
      <h3 id="report-summary-title">実績報告の内容</h3>
      <p className="muted">
        {formatDateTime(new Date(report.reportedAt))} 報告{report.late ? '（期限後の報告）' : ''}。期限：
        <CalendarDate date={report.dueDate} />
      </p>
      <table className="table">
        <caption className="visually-hidden">計画と報告された実績</caption>
        <thead>
          <tr>
            <th scope="col">項目</th>
            <th scope="col" className="numeric">
              計画
            </th>
            <th scope="col" className="numeric">
              実績（報告）
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category}>
              <th scope="row">経費：{label(COST_CATEGORY_LABELS, category)}</th>
              <td className="numeric">{formatYen(plannedByCategory.get(category) ?? 0)}</td>
              <td className="numeric">{formatYen(actualByCategory.get(category) ?? 0)}</td>
            </tr>
          ))}
          <tr data-testid="reported-total-cost">
            <th scope="row">総事業費</th>
            <td className="numeric">{formatYen(sum(plannedByCategory.values()))}</td>
            <td className="numeric">{formatYen(sum(actualByCategory.values()))}</td>
          </tr>
          <tr>
            <th scope="row">融資額（又は出資額）</th>
            <td className="numeric">
              {funding?.loan?.amount !== undefined ? formatYen(funding.loan.amount) : '—'}
            </td>
            <td className="numeric">
              {integer(loan.amount) !== undefined ? formatYen(integer(loan.amount)!) : '—'}
              {text(loan.lenderType) && (
                <div className="muted">{label(LENDER_TYPE_LABELS, text(loan.lenderType)!)}</div>
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">自己資金</th>
            <td className="numeric">{funding?.ownFunds !== undefined ? formatYen(funding.ownFunds) : '—'}</td>
            <td className="numeric">{ownFunds !== undefined ? formatYen(ownFunds) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">交付額（計画は交付決定額、実績は事業者への交付額）</th>
            <td className="numeric">
              {application.award?.grantDecision ? formatYen(application.award.grantDecision.grant) : '—'}
            </td>
            <td className="numeric">{formatYen(report.grantPaid)}</td>
          </tr>
          <tr>
            <th scope="row">事業完了日</th>
            <td className="numeric">
              {application.plan.schedule?.completion ? (
                <CalendarDate date={application.plan.schedule.completion} />
              ) : (
                '—'
              )}
            </td>
            <td className="numeric">
              <CalendarDate date={report.completedOn} />
            </td>
          </tr>
        </tbody>
      </table>
      <FinancingMismatch
        costs={actualCosts.map((cost) => integer(cost.amount))}
        financing={[integer(loan.amount), ownFunds, report.grantPaid]}
        advice={mismatchAdvice}
      />
      <div>
        添付：
        <DocumentRefs documents={report.documents} />
      </div>
    </section>
  );
}
