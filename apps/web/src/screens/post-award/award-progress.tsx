import { Fragment } from 'react';
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
import { ProgressSteps, type StepsProgress } from '../../ui/progress-steps';
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
 * How far the award went: the steps its status (or, while a plan change or an abandonment
 * waits, its record) shows taken, and the next one awaited. Once paid or abandoned, none is
 * awaited; an abandoned award keeps the steps it took.
 */
export function awardProgressOf(application: Pick<ApplicationView, 'status' | 'award'>): StepsProgress {
  const { status, award } = application;
  if (status === 'paid') return { taken: ORDER.length };
  const index = ORDER.indexOf(status);
  const taken = (index >= 0 ? index : award ? recordedIndex(award) : 0) + 1;
  return status === 'abandoned' ? { taken, stoppedBy: '中止・廃止' } : { taken, current: taken };
}

/** When a step of the award was recorded (Japan time), or a dash before it is. */
function StepInstant({ at, testId }: { at: string | undefined; testId?: string }) {
  return (
    <td className="nowrap" data-testid={testId}>
      {at ? formatDateTime(new Date(at)) : '—'}
    </td>
  );
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
      <ProgressSteps
        label="採択後の手続の進み具合"
        steps={AWARD_STEPS.map((step) => step.label)}
        {...awardProgressOf(application)}
      />
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
            <th scope="col">日時</th>
            <th scope="col">備考</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">採択</th>
            <td className="numeric">{approved !== undefined ? formatYenWithMan(approved) : '—'}</td>
            <td className="numeric">{approvedShare !== undefined ? formatYen(approvedShare) : '—'}</td>
            <StepInstant at={application.decision?.decidedAt} />
            <td />
          </tr>
          <tr>
            <th scope="row">交付申請</th>
            <td className="numeric" data-testid="figure-applied">
              {award.grantApplication ? formatYenWithMan(award.grantApplication.amount) : '—'}
            </td>
            <td className="numeric">—</td>
            <StepInstant at={award.grantApplication?.appliedAt} />
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
            <StepInstant at={award.grantDecision?.decidedAt} testId="decided-at" />
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
            <StepInstant at={award.confirmation?.confirmedAt} />
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
            <StepInstant at={award.payments.at(-1)?.recordedAt} />
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

/** What a cost line's move means for approval: more than 20% (or a new category) needs it. */
const costMoveJudgement = (move: { planned: number; changed: number; material: boolean }): string =>
  move.planned === move.changed
    ? '変更なし'
    : !move.material
      ? '軽微'
      : move.planned === 0
        ? '区分の追加（承認が必要）'
        : '20%超の変更（承認が必要）';

/** The whole cost before and after a change, and by how much it moves: what the lines add up to. */
function CostMovesTotal({ moves }: { moves: readonly { planned: number; changed: number }[] }) {
  const planned = moves.reduce((sum, move) => sum + move.planned, 0);
  const changed = moves.reduce((sum, move) => sum + move.changed, 0);
  const difference = changed - planned;
  return (
    <tr data-testid="cost-moves-total">
      <th scope="row">総事業費</th>
      <td className="numeric">{formatYen(planned)}</td>
      <td className="numeric">{formatYen(changed)}</td>
      <td>
        {difference === 0
          ? '変更なし'
          : `${difference > 0 ? '増額' : '減額'} ${formatYen(Math.abs(difference))}`}
      </td>
    </tr>
  );
}

type AskedPlan = NonNullable<NonNullable<ApplicationView['award']>['changes'][number]['plan']>;

const yenOrDash = (amount: number | undefined): string => (amount === undefined ? '—' : formatYen(amount));

/**
 * How a change asks for the cost to be met, and by when: with the cost table's 総事業費, what
 * the officer checks adds up (交付額 + 融資額 + 自己資金).
 */
function AskedFunding({ plan }: { plan: AskedPlan }) {
  const rows: readonly [string, string][] = [
    ['交付額', yenOrDash(plan.funding?.grant)],
    ['融資額（又は出資額）', yenOrDash(plan.funding?.loan?.amount)],
    ['自己資金', yenOrDash(plan.funding?.ownFunds)],
    ['事業完了日', plan.schedule?.completion ? formatCalendarDate(plan.schedule.completion) : '—'],
  ];
  return (
    <dl className="figures" data-testid="asked-funding">
      {rows.map(([name, value]) => (
        <Fragment key={name}>
          <dt>変更後の{name}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
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
                    <td>{costMoveJudgement(move)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <CostMovesTotal moves={change.costMoves} />
              </tfoot>
            </table>
          )}
          {change.plan && <AskedFunding plan={change.plan} />}
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
