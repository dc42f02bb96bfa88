import { useEffect, useRef } from 'react';
import { roundLabel, type RoundInfo } from '../../api/rounds';
import { formatDeadline } from '../../format/dates';
import { CalendarDate } from '../../ui/calendar-date';

/** Confirms a submission: which round it joins, that round's deadline and the decision due date. */
export function SubmitDialog({
  round,
  resubmission,
  busy,
  onConfirm,
  onCancel,
}: {
  round: RoundInfo | undefined;
  resubmission: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const action = resubmission ? '再提出' : '提出';
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="submit-title" onCancel={onCancel}>
      <h2 id="submit-title">この内容で{action}しますか</h2>
      {round ? (
        <dl className="figures" data-testid="submit-round">
          <dt>参加する募集回</dt>
          <dd>{roundLabel(round.round)}</dd>
          <dt>締切</dt>
          <dd>{formatDeadline(round.deadline)}</dd>
          <dt>採否決定予定日</dt>
          <dd>
            <CalendarDate date={round.decisionDueDate} />
          </dd>
        </dl>
      ) : (
        <p>募集回を確認しています…</p>
      )}
      <p>
        {action}すると、すべての規則を確認します。{action}後は、修正依頼があるまで内容を変更できません。
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={onConfirm}
          disabled={busy || !round}
        >
          {action}する
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          戻る
        </button>
      </div>
    </dialog>
  );
}
