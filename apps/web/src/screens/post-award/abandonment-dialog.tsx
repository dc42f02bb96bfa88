import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { problemHeadline } from '../../api/problems';
import { Field } from '../../ui/field';
import { IssueSummary } from '../../ui/issue-summary';
import { ifMatch, outcomeOf, type ApplicationView } from './use-award-application';

const REASON_ID = 'field-abandonment-reason';

/** 中止・廃止: asked with a reason; the programme officer decides it like a plan change. */
export function AbandonmentDialog({
  application,
  onDone,
  onCancel,
}: {
  application: ApplicationView;
  onDone: (answer: unknown) => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function send() {
    if (!reason.trim()) return setError('中止・廃止の理由を入力してください。');
    setBusy(true);
    const outcome = outcomeOf(
      await api.POST('/v1/applications/{id}/abandonment', {
        params: { path: { id: application.id }, header: ifMatch(application) },
        body: { reason: reason.trim() },
      }),
    );
    setBusy(false);
    if ('problem' in outcome) return setError(problemHeadline(outcome.problem));
    onDone(outcome.answer);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="abandonment-title" onCancel={onCancel}>
      <h2 id="abandonment-title">事業の中止・廃止を申請しますか</h2>
      <p>担当官が承認すると、この事業の交付金はすべて取りやめとなり、元に戻せません。</p>
      {error && (
        <IssueSummary title="入力内容を確認してください" items={[{ fieldId: REASON_ID, text: error }]} />
      )}
      <Field id={REASON_ID} label="中止・廃止の理由" required errors={error ? [error] : []}>
        {(describedBy) => (
          <textarea
            id={REASON_ID}
            className="textarea"
            rows={3}
            maxLength={4000}
            value={reason}
            aria-describedby={describedBy}
            aria-invalid={error !== undefined}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <div className="actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={() => void send()}>
          中止・廃止を申請する
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          戻る
        </button>
      </div>
    </dialog>
  );
}
