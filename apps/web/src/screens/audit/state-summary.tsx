import { roundLabel } from '../../api/rounds';
import { formatYenWithMan } from '../../format/money';
import {
  EVENT_TYPE_LABELS,
  RECOMMENDATION_LABELS,
  STATUS_LABELS,
  TRACK_LABELS,
  label,
} from '../../messages/labels';
import type { ApplicationState } from './audit-views';
import { formatEventInstant } from './japan-time';
import { CalendarDate } from '../../ui/calendar-date';

/**
 * Which review cycle the application is in and how many of its reviews are in; a dash before
 * the first submission opens one, as the summary's other empty entries read.
 */
function reviewProgress(state: ApplicationState): string {
  if (state.reviewCycle === 0) return '—';
  const needed = state.reviewsNeeded ? `（採択に必要な件数${state.reviewsNeeded}件）` : '';
  return `第${state.reviewCycle}回の審査：審査結果${state.reviewsDone}件${needed}`;
}

/** The application as folded from its events up to the chosen point: what an auditor compares. */
export function StateSummary({ state }: { state: ApplicationState }) {
  const { plan, funding, decision, revisionRequest, withdrawal } = state;
  return (
    <div className="state-summary" data-testid="state-summary">
      <dl className="figures">
        <dt>状態</dt>
        <dd>
          <span className={`status status--${state.status}`} data-testid="state-status">
            {label(STATUS_LABELS, state.status)}
          </span>
        </dd>
        <dt>版</dt>
        <dd data-testid="state-revision">
          第{state.lastEvent.revision}版（最後の記録：{label(EVENT_TYPE_LABELS, state.lastEvent.type)}）
        </dd>
        <dt>記録日時</dt>
        <dd>{formatEventInstant(state.lastEvent.recordedAt)}</dd>
        <dt>ハッシュ値</dt>
        <dd>
          <code className="hash">{state.lastEvent.hash}</code>
        </dd>
        <dt>事業</dt>
        <dd>
          {plan.projectTitle || '（事業名未入力）'}
          {plan.business?.name && <div className="muted">{plan.business.name}</div>}
        </dd>
        <dt>区分</dt>
        <dd>{label(TRACK_LABELS, state.track)}</dd>
        <dt>募集回</dt>
        <dd>
          {state.round ? roundLabel(state.round) : '—'}
          {state.decisionDueDate && (
            <div className="muted">
              採否決定予定日 <CalendarDate date={state.decisionDueDate} />
            </div>
          )}
        </dd>
        <dt>交付額（申請）</dt>
        <dd>{funding ? formatYenWithMan(funding.grant) : '—'}</dd>
        <dt>国費</dt>
        <dd>{funding ? formatYenWithMan(funding.nationalShare) : '—'}</dd>
        <dt>審査</dt>
        <dd>
          <span data-testid="state-reviews">{reviewProgress(state)}</span>
          {state.reviews.length > 0 && (
            <ul className="state-summary__list">
              {state.reviews.map((review) => (
                <li key={`${review.reviewer}-${review.submittedAt}`}>
                  {review.reviewer}
                  {review.reviewerId ? `（${review.reviewerId}）` : ''}：
                  {label(RECOMMENDATION_LABELS, review.recommendation)}
                </li>
              ))}
            </ul>
          )}
        </dd>
        {revisionRequest && (
          <>
            <dt>修正依頼</dt>
            <dd data-testid="state-revision-request">{revisionRequest.reason}</dd>
          </>
        )}
        {decision && (
          <>
            <dt>採否</dt>
            <dd>
              {label(STATUS_LABELS, decision.outcome)}
              {decision.approvedGrant !== undefined &&
                `（交付額 ${formatYenWithMan(decision.approvedGrant)}）`}
              <div>{decision.reason}</div>
            </dd>
          </>
        )}
        {withdrawal && (
          <>
            <dt>取下げ</dt>
            <dd>{withdrawal.reason}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
