import { Fragment, type ReactNode } from 'react';
import { daysLeftText, formatDateTime } from '../../format/dates';
import { formatYen, formatYenWithMan } from '../../format/money';
import { COST_CATEGORY_LABELS, STATUS_LABELS, label } from '../../messages/labels';
import {
  AWARD_STEPS,
  CHANGE_GROUND_LABELS,
  CHANGE_KIND_LABELS,
  CHANGE_OUTCOME_LABELS,
  LIMITED_BY_LABELS,
} from './award-labels';
import { CalendarDate } from '../../ui/calendar-date';
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
        <CalendarDate date={award.grantApplicationDueDate} />
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
            <CalendarDate date={award.report?.dueDate ?? due!.dueDate} />
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
            <td className="numeric">{approvedShare !== undefined ? formatYenWithMan(approvedShare) : '—'}</td>
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
              {award.grantDecision ? formatYenWithMan(award.grantDecision.funding.nationalShare) : '—'}
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
              {award.confirmation ? formatYenWithMan(award.confirmation.funding.nationalShare) : '—'}
            </td>
            <StepInstant at={award.confirmation?.confirmedAt} />
            <td>
              {award.confirmation && <>根拠：{label(LIMITED_BY_LABELS, award.confirmation.limitedBy)}</>}
            </td>
          </tr>
          <tr>
            <th scope="row">支払済み</th>
            <td className="numeric">—</td>
            {/* A dash until a payment is recorded, as the steps before it show; 0円 would read as paid nothing. */}
            <td className="numeric" data-testid="figure-paid">
              {award.payments.length > 0 ? formatYenWithMan(award.paid) : '—'}
            </td>
            <StepInstant at={award.payments.at(-1)?.recordedAt} />
            <td data-testid="payments">
              {award.payments.length > 0 && (
                <ul className="plain-list">
                  {award.payments.map((payment) => (
                    <li key={`${payment.recordedAt}-${payment.paidOn}`}>
                      支払日 <CalendarDate date={payment.paidOn} />：{formatYen(payment.amount)}
                    </li>
                  ))}
                </ul>
              )}
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

/** How much an amount moves: 増額 5,000,000円, 減額 …, or 変更なし. */
const yenMove = (from: number, to: number): string =>
  to === from ? '変更なし' : `${to > from ? '増額' : '減額'} ${formatYen(Math.abs(to - from))}`;

/** The head of a change's before-and-after table: what each line is, 変更前, 変更後 and what the move means. */
function BeforeAfterHead({ subject }: { subject: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{subject}</th>
        <th scope="col" className="numeric">
          変更前
        </th>
        <th scope="col" className="numeric">
          変更後
        </th>
        <th scope="col">判定</th>
      </tr>
    </thead>
  );
}

/** The whole cost before and after a change, and by how much it moves: what the lines add up to. */
function CostMovesTotal({ moves }: { moves: readonly { planned: number; changed: number }[] }) {
  const planned = moves.reduce((sum, move) => sum + move.planned, 0);
  const changed = moves.reduce((sum, move) => sum + move.changed, 0);
  return (
    <tr data-testid="cost-moves-total">
      <th scope="row">総事業費</th>
      <td className="numeric">{formatYen(planned)}</td>
      <td className="numeric">{formatYen(changed)}</td>
      <td>{yenMove(planned, changed)}</td>
    </tr>
  );
}

type PlanChange = NonNullable<ApplicationView['award']>['changes'][number];
type AskedPlan = NonNullable<PlanChange['plan']>;

/** What a plan says of how its cost is met and by when: the part of it a change's funding shows. */
interface FundedPlan {
  readonly funding?: {
    readonly grant?: number;
    readonly loan?: { readonly amount?: number };
    readonly ownFunds?: number;
  };
  readonly schedule?: { readonly completion?: string };
}

/** One line of a change's funding: its name, its value in a plan, and how it moves between two. */
interface FundingLine {
  readonly name: string;
  shown(plan: FundedPlan): ReactNode;
  moved(from: FundedPlan, to: FundedPlan): string;
}

/** A line read by `of`, shown by `show`, its move said by `move`; a dash where a plan has no value. */
function fundingLine<Value>(
  name: string,
  of: (plan: FundedPlan) => Value | undefined,
  show: (value: Value) => ReactNode,
  move: (from: Value, to: Value) => string,
): FundingLine {
  return {
    name,
    shown: (plan) => {
      const value = of(plan);
      return value === undefined ? '—' : show(value);
    },
    moved: (from, to) => {
      const [before, after] = [of(from), of(to)];
      return before === undefined || after === undefined ? '—' : move(before, after);
    },
  };
}

const FUNDING_LINES: readonly FundingLine[] = [
  fundingLine('交付額', (plan) => plan.funding?.grant, formatYen, yenMove),
  fundingLine('融資額（又は出資額）', (plan) => plan.funding?.loan?.amount, formatYen, yenMove),
  fundingLine('自己資金', (plan) => plan.funding?.ownFunds, formatYen, yenMove),
  // ISO dates compare as text.
  fundingLine(
    '事業完了日',
    (plan) => plan.schedule?.completion,
    (date) => <CalendarDate date={date} />,
    (from, to) => (to === from ? '変更なし' : to > from ? '延期' : '前倒し'),
  ),
];

/**
 * How a change asks for the cost to be met, and by when: with the cost table's 総事業費, what
 * the officer checks adds up (交付額 + 融資額 + 自己資金). A change still to be decided shows
 * them beside the plan in force (its 交付額 the decided grant), what it would move them from; a
 * decided one only what it asked, as the plan it replaced is no longer in the view.
 */
function AskedFunding({ plan, inForce }: { plan: AskedPlan; inForce?: FundedPlan }) {
  if (inForce === undefined)
    return (
      <dl className="figures" data-testid="asked-funding">
        {FUNDING_LINES.map((line) => (
          <Fragment key={line.name}>
            <dt>変更後の{line.name}</dt>
            <dd>{line.shown(plan)}</dd>
          </Fragment>
        ))}
      </dl>
    );
  return (
    <table className="table table--before-after" data-testid="asked-funding">
      <caption className="visually-hidden">資金と事業完了日の変更</caption>
      <BeforeAfterHead subject="資金・完了日" />
      <tbody>
        {FUNDING_LINES.map((line) => (
          <tr key={line.name}>
            <th scope="row">{line.name}</th>
            <td className="numeric">{line.shown(inForce)}</td>
            <td className="numeric">{line.shown(plan)}</td>
            <td>{line.moved(inForce, plan)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4} className="muted">
            変更前の交付額は交付決定額（交付決定の前は採択額）で、計画変更で増やすことはできません。計画の交付額より低い場合、その差額は自己資金で賄う前提で変更前の自己資金に含めています。
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/**
 * The plan in force while a change is pending, as far as the view knows it: its 交付額 the
 * ceiling the change is held to (the decided grant; before the grant decision, the approved one).
 * A ceiling below the plan's own 交付額 leaves the difference to the business's own funds, as the
 * adoption at a reduced grant assumes, so the 変更前 column still adds up to the plan's cost.
 */
function planInForce(application: ApplicationView, change: { outcome: string }): FundedPlan | undefined {
  if (change.outcome !== 'pending' || !application.plan) return undefined;
  const ceiling = application.award?.grantDecision?.grant ?? application.decision?.approvedGrant;
  const plan: FundedPlan = application.plan;
  if (ceiling === undefined) return plan;
  const { grant, ownFunds } = plan.funding ?? {};
  const leftToOwnFunds = grant !== undefined && ceiling < grant ? grant - ceiling : 0;
  return {
    ...plan,
    funding: {
      ...plan.funding,
      grant: ceiling,
      ownFunds: ownFunds === undefined ? undefined : ownFunds + leftToOwnFunds,
    },
  };
}

/** The history's heading: an abandonment asked for is no plan change, so the heading names it too. */
export const planChangesTitle = (changes: readonly PlanChange[]): string =>
  changes.some((change) => change.kind === 'abandonment') ? '計画変更・中止の履歴' : '計画変更の履歴';

/** The officer's answer to a change: approved or refused, when, and the reason the municipality is owed. */
function ChangeDecision({ change }: { change: PlanChange }) {
  if (!change.decision) return null;
  return (
    <p data-testid="change-decision">
      {label(CHANGE_OUTCOME_LABELS, change.outcome)}の理由：{change.decision.reason}
      <span className="muted">（{formatDateTime(new Date(change.decision.decidedAt))} 決定）</span>
    </p>
  );
}

/** Every plan change asked for, what moved, and how it ended. */
export function PlanChanges({ application }: { application: ApplicationView }) {
  const changes = application.award?.changes ?? [];
  return (
    <section aria-labelledby="plan-changes-title">
      <h3 id="plan-changes-title">{planChangesTitle(changes)}</h3>
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
          <p>
            {change.kind === 'abandonment' ? '中止・廃止' : '変更'}の理由：{change.reason}
          </p>
          {change.grounds.length > 0 && (
            <ul className="plain-list">
              {change.grounds.map((ground) => (
                <li key={ground}>承認が必要な理由：{label(CHANGE_GROUND_LABELS, ground)}</li>
              ))}
            </ul>
          )}
          {change.costMoves.length > 0 && (
            <table className="table table--before-after">
              <caption className="visually-hidden">経費区分ごとの変更</caption>
              <BeforeAfterHead subject="経費区分" />
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
          {change.plan && <AskedFunding plan={change.plan} inForce={planInForce(application, change)} />}
          {change.documents.length > 0 && (
            <div>
              添付：
              <DocumentRefs documents={change.documents} />
            </div>
          )}
          <ChangeDecision change={change} />
        </article>
      ))}
    </section>
  );
}
