import { roundLabel } from '../../api/rounds';
import { formatDeadline } from '../../format/dates';
import { formatYenWithMan } from '../../format/money';
import {
  COST_CATEGORY_LABELS,
  LENDER_TYPE_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
  TRACK_LABELS,
  label,
  ruleSetName,
} from '../../messages/labels';
import { FundingFigures } from '../../ui/funding-figures';
import type { ApplicationView } from './application-view';
import { CalendarDate } from '../../ui/calendar-date';
import { SubmittedAt } from '../../ui/submitted-at';
import { ApplicationId } from '../../ui/application-id';

/** Where the application stands: status, applicant, track, round, deadline, when it was submitted and the decision due date. */
export function ApplicationFacts({ application }: { application: ApplicationView }) {
  return (
    <dl className="figures" data-testid="application-facts">
      <dt>状態</dt>
      <dd>
        <span className={`status status--${application.status}`} data-testid="status">
          {label(STATUS_LABELS, application.status)}
        </span>
      </dd>
      <dt>申請団体</dt>
      <dd>
        {application.municipalityName ?? ''} {application.municipalityCode}
      </dd>
      <ApplicationId id={application.id} />
      <dt>事業の区分</dt>
      <dd>{label(TRACK_LABELS, application.track)}</dd>
      {application.round && (
        <>
          <dt>募集回</dt>
          <dd>{roundLabel(application.round)}</dd>
        </>
      )}
      {application.deadline && (
        <>
          <dt>締切</dt>
          <dd>{formatDeadline(application.deadline)}</dd>
        </>
      )}
      {application.submittedAt && application.status !== 'draft' && (
        <SubmittedAt submittedAt={application.submittedAt} reviewCycle={application.reviewCycle} />
      )}
      {application.decisionDueDate && (
        <>
          <dt>採否決定予定日</dt>
          <dd data-testid="decision-due">
            <CalendarDate date={application.decisionDueDate} />
          </dd>
        </>
      )}
    </dl>
  );
}

/** The application as submitted, read-only: what, the costs and financing, and the calculator's figures. */
export function ApplicationPlan({ application }: { application: ApplicationView }) {
  const { plan } = application;
  const loan = plan.funding?.loan;
  return (
    <>
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">事業計画</h2>
        <dl className="figures">
          <dt>事業名</dt>
          <dd>{plan.projectTitle ?? '—'}</dd>
          <dt>事業の概要</dt>
          <dd>{plan.summary ?? '—'}</dd>
          <dt>事業者</dt>
          <dd>
            {plan.business?.name ?? '—'}
            {plan.business?.corporateNumber && (
              <span className="muted">（法人番号 {plan.business.corporateNumber}）</span>
            )}
          </dd>
          <dt>条件不利地域</dt>
          <dd>{plan.municipality?.disadvantagedArea ? '該当' : '非該当'}</dd>
          <dt>財政力指数</dt>
          <dd>{plan.municipality?.fiscalStrengthIndex ?? '—'}</dd>
          <dt>優先分野</dt>
          <dd>
            {plan.priorityCategories.length > 0
              ? plan.priorityCategories.map((category) => label(PRIORITY_LABELS, category)).join('、')
              : 'なし'}
          </dd>
          <dt>事業期間</dt>
          <dd>
            {plan.schedule?.start ? <CalendarDate date={plan.schedule.start} /> : '—'} 〜{' '}
            {plan.schedule?.completion ? <CalendarDate date={plan.schedule.completion} /> : '—'}
          </dd>
        </dl>
        <div className="table-wrap">
          <table className="table">
            <caption>経費</caption>
            <thead>
              <tr>
                <th scope="col">経費区分</th>
                <th scope="col">内容</th>
                <th scope="col" className="numeric">
                  金額
                </th>
              </tr>
            </thead>
            <tbody>
              {(plan.costs ?? []).map((cost, index) => (
                <tr key={index}>
                  <td>{label(COST_CATEGORY_LABELS, cost.category ?? '')}</td>
                  <td>{cost.description ?? ''}</td>
                  <td className="numeric">
                    {cost.amount === undefined ? '—' : formatYenWithMan(cost.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>資金の内訳</h3>
        <dl className="figures">
          <dt>交付額（申請）</dt>
          <dd>{plan.funding?.grant === undefined ? '—' : formatYenWithMan(plan.funding.grant)}</dd>
          <dt>{loan?.form === 'equity' ? '出資額' : '融資額'}</dt>
          <dd>
            {loan?.amount === undefined ? '—' : formatYenWithMan(loan.amount)}
            {loan?.lenderType && (
              <span className="muted">
                （{label(LENDER_TYPE_LABELS, loan.lenderType)}
                {loan.lenderName ? `・${loan.lenderName}` : ''}）
              </span>
            )}
          </dd>
          <dt>自己資金</dt>
          <dd>{plan.funding?.ownFunds === undefined ? '—' : formatYenWithMan(plan.funding.ownFunds)}</dd>
        </dl>
      </section>

      {application.funding && (
        <section aria-labelledby="funding-title">
          <h2 id="funding-title">交付額の計算（提出時）</h2>
          <p className="muted">
            適用ルール：
            {application.ruleSetId ? ruleSetName(application.ruleSetId, application.provisional) : '—'}
          </p>
          <FundingFigures figures={application.funding} withGrant testIdPrefix="submitted" />
        </section>
      )}
    </>
  );
}
