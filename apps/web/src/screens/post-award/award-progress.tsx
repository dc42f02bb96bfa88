import { daysLeftText, formatCalendarDate, formatDateTime } from '../../format/dates';
import { formatYen, formatYenWithMan } from '../../format/money';
import { COST_CATEGORY_LABELS, STATUS_LABELS, label } from '../../messages/labels';
import {
  AWARD_STEPS,
  CHANGE_GROUND_LABELS,
  CHANGE_KIND_LABELS,
  CHANGE_OUTCOME_LABELS,
  LIMITED_BY_LABELS,
} from './award-labels';
import { DocumentRefs } from './document-picker';
import type { ApplicationView, LedgerItem } from './use-award-application';
import './post-award.css';

const ORDER: readonly string[] = AWARD_STEPS.map((step) => step.status);

/** The last step the award's record shows taken: where a plan change or an abandonment stands. */
const recordedIndex = (award: NonNullable<ApplicationView['award']>) =>
  ORDER.indexOf(
    award.confirmation
      ? 'amount_confirmed'
      : award.report
        ? 'reported'
        : award.grantDecision
          ? 'grant_decided'
          : award.grantApplication
            ? 'grant_applied'
            : 'adopted',
  );

/**
 * How far the award went: the first `done` steps are taken, and `current` (also taken) is the
 * one it stands at, none once paid or abandoned. A waiting plan change or abandonment stands
 * at the last step its record shows; an abandoned award keeps the steps it took.
 */
export function awardProgressOf(application: Pick<ApplicationView, 'status' | 'award'>): {
  readonly done: number;
  readonly current?: number;
} {
  const { status, award } = application;
  if (status === 'paid') return { done: ORDER.length };
  const index = ORDER.indexOf(status);
  if (index >= 0) return { done: index, current: index };
  const recorded = award ? recordedIndex(award) : 0;
  return status === 'abandoned' ? { done: recorded + 1 } : { done: recorded, current: recorded };
}

/** Due dates in Japan time with 和暦, and how far off they are (counted by the ledger). */
export function DueDates({ application, ledger }: { application: ApplicationView; ledger?: LedgerItem }) {
  const award = application.award;
  if (!award) return null;
  const due = ledger?.due ?? undefined;
  return (
    <dl className="figures" data-testid="award-due-dates">
      <dt>交付申請の期限</dt>
      <dd>
        {formatCalendarDate(award.grantApplicationDueDate)}
        {award.grantApplication ? (
          <span className="muted">
            （{formatDateTime(new Date(award.grantApplication.appliedAt))} 申請済み
            {award.grantApplication.late ? '・期限後' : ''}）
          </span>
        ) : application.status === 'abandoned' ? (
          <span className="muted">（中止・廃止により不要）</span>
        ) : (
          due?.kind === 'grant_application' && (
            <strong className={due.overdue ? 'overdue' : undefined}>
              （{daysLeftText(due.daysRemaining)}）
            </strong>
          )
        )}
      </dd>
      {(award.report || due?.kind === 'performance_report') && (
        <>
          <dt>実績報告の期限</dt>
          <dd>
            {formatCalendarDate(award.report?.dueDate ?? due!.dueDate)}
            {award.report ? (
              <span className="muted">
                （{formatDateTime(new Date(award.report.reportedAt))} 報告済み
                {award.report.late ? '・期限後' : ''}）
              </span>
            ) : (
              due && (
                <strong className={due.overdue ? 'overdue' : undefined}>
                  （{daysLeftText(due.daysRemaining)}）
                </strong>
              )
            )}
          </dd>
        </>
      )}
    </dl>
  );
}

/** The award's state: where it is on approved → decided → confirmed → paid, and every figure so far. */
export function AwardProgress({
  application,
  ledger,
}: {
  application: ApplicationView;
  ledger?: LedgerItem;
}) {
  const award = application.award;
  if (!award) return null;
  const progress = awardProgressOf(application);
  const approved = application.decision?.approvedGrant;
  const approvedShare = ledger?.approvedNationalShare ?? application.decision?.funding?.nationalShare;
  return (
    <div className="award-progress" data-testid="award-progress">
      <p>
        現在の状態：
        <span className={`status status--${application.status}`} data-testid="award-status">
          {label(STATUS_LABELS, application.status)}
        </span>
      </p>
      <ol className="steps" aria-label="採択後の手続の進み具合">
        {AWARD_STEPS.map((step, index) => (
          <li
            key={step.status}
            className={
              index === progress.current
                ? 'steps__current'
                : index < progress.done
                  ? 'steps__done'
                  : undefined
            }
            aria-current={index === progress.current ? 'step' : undefined}
          >
            {step.label}
            <span className="visually-hidden">
              {index < progress.done || index === progress.current ? '（済み）' : '（未了）'}
            </span>
          </li>
        ))}
      </ol>
      <table className="table award-figures">
        <caption>交付額の推移</caption>
        <thead>
          <tr>
            <th scope="col">段階</th>
            <th scope="col" className="numeric">
              交付額
            </th>
            <th scope="col" className="numeric">
              国費（交付金）
            </th>
            <th scope="col">備考</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">採択</th>
            <td className="numeric">{approved !== undefined ? formatYenWithMan(approved) : '—'}</td>
            <td className="numeric">{approvedShare !== undefined ? formatYen(approvedShare) : '—'}</td>
            <td>{application.decision ? formatDateTime(new Date(application.decision.decidedAt)) : ''}</td>
          </tr>
          <tr>
            <th scope="row">交付申請</th>
            <td className="numeric" data-testid="figure-applied">
              {award.grantApplication ? formatYenWithMan(award.grantApplication.amount) : '—'}
            </td>
            <td className="numeric">—</td>
            <td>{award.grantApplication && <DocumentRefs documents={award.grantApplication.documents} />}</td>
          </tr>
          <tr>
            <th scope="row">交付決定</th>
            <td className="numeric" data-testid="figure-decided">
              {award.grantDecision ? formatYenWithMan(award.grantDecision.grant) : '—'}
            </td>
            <td className="numeric">
              {award.grantDecision ? formatYen(award.grantDecision.funding.nationalShare) : '—'}
            </td>
            <td>{award.grantDecision && <>条件：{award.grantDecision.conditions}</>}</td>
          </tr>
          <tr>
            <th scope="row">額の確定</th>
            <td className="numeric" data-testid="figure-confirmed">
              {award.confirmation ? formatYenWithMan(award.confirmation.confirmedGrant) : '—'}
            </td>
            <td className="numeric">
              {award.confirmation ? formatYen(award.confirmation.funding.nationalShare) : '—'}
            </td>
            <td>
              {award.confirmation && <>根拠：{label(LIMITED_BY_LABELS, award.confirmation.limitedBy)}</>}
            </td>
          </tr>
          <tr>
            <th scope="row">支払済み</th>
            <td className="numeric">—</td>
            <td className="numeric" data-testid="figure-paid">
              {formatYen(award.paid)}
            </td>
            <td>
              {award.payments
                .map((payment) => `${formatCalendarDate(payment.paidOn)} ${formatYen(payment.amount)}`)
                .join('、')}
              {award.refundDue > 0 && (
                <strong className="overdue">返還額 {formatYen(award.refundDue)}</strong>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <DueDates application={application} ledger={ledger} />
      {award.changes.length > 0 && <PlanChanges application={application} />}
    </div>
  );
}

/** Every plan change asked for, what moved, and how it ended. */
export function PlanChanges({ application }: { application: ApplicationView }) {
  const changes = application.award?.changes ?? [];
  return (
    <section aria-labelledby="plan-changes-title">
      <h3 id="plan-changes-title">計画変更の履歴</h3>
      {changes.map((change) => (
        <article
          key={change.changeId}
          className="change"
          aria-label={`${formatDateTime(new Date(change.requestedAt))}の${label(CHANGE_KIND_LABELS, change.kind)}`}
        >
          <p>
            <strong>{label(CHANGE_KIND_LABELS, change.kind)}</strong>：
            <span data-testid="change-outcome">{label(CHANGE_OUTCOME_LABELS, change.outcome)}</span>
            <span className="muted">（{formatDateTime(new Date(change.requestedAt))} 申請）</span>
          </p>
          <p>理由：{change.reason}</p>
          {change.grounds.length > 0 && (
            <ul className="plain-list">
              {change.grounds.map((ground) => (
                <li key={ground}>承認が必要な理由：{label(CHANGE_GROUND_LABELS, ground)}</li>
              ))}
            </ul>
          )}
          {change.costMoves.length > 0 && (
            <table className="table">
              <caption className="visually-hidden">経費区分ごとの変更</caption>
              <thead>
                <tr>
                  <th scope="col">経費区分</th>
                  <th scope="col" className="numeric">
                    変更前
                  </th>
                  <th scope="col" className="numeric">
                    変更後
                  </th>
                  <th scope="col">判定</th>
                </tr>
              </thead>
              <tbody>
                {change.costMoves.map((move) => (
                  <tr key={move.category}>
                    <th scope="row">{label(COST_CATEGORY_LABELS, move.category)}</th>
                    <td className="numeric">{formatYen(move.planned)}</td>
                    <td className="numeric">{formatYen(move.changed)}</td>
                    <td>{move.material ? '20%超の変更' : '軽微'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {change.documents.length > 0 && (
            <div>
              添付：
              <DocumentRefs documents={change.documents} />
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
