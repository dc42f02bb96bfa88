import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { Field } from '../../ui/field';
import type { FormFields } from '../post-award/form-issues';
import { ifMatch } from '../post-award/use-award-application';
import { submitOn, useWriteForm } from '../post-award/use-write-form';

const WITHDRAW_FIELDS: FormFields = {
  reason: { id: 'field-reason', label: '取下げの理由' },
};

/**
 * Withdrawal needs a reason (API: `{ reason }`); it cannot be undone. A refusal (the
 * application moved on meanwhile, no answer) is shown in the dialog, the reason kept.
 */
export function WithdrawDialog({
  application,
  onDone,
  onCancel,
}: {
  application: { readonly id: string; readonly revision: number };
  onDone: (answer: unknown) => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const form = useWriteForm(WITHDRAW_FIELDS);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function send() {
    if (!reason.trim()) return form.refuse('reason', '取下げの理由を入力してください。');
    void form.send(
      () =>
        api.POST('/v1/applications/{id}/withdraw', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { reason: reason.trim() },
        }),
      onDone,
    );
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="withdraw-title" onCancel={onCancel}>
      <form noValidate onSubmit={submitOn(send)}>
        <h2 id="withdraw-title">申請を取り下げますか</h2>
        <p>取り下げた申請は元に戻せません。</p>
        {form.summary}
        <Field
          id={WITHDRAW_FIELDS.reason.id}
          label={WITHDRAW_FIELDS.reason.label}
          required
          errors={form.errorsAt('reason')}
        >
          {(describedBy) => (
            <textarea
              id={WITHDRAW_FIELDS.reason.id}
              className="textarea"
              rows={3}
              maxLength={4000}
              value={reason}
              aria-describedby={describedBy}
              aria-invalid={form.errorsAt('reason').length > 0}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={form.busy}>
            取り下げる
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={form.busy}>
            戻る
          </button>
        </div>
      </form>
    </dialog>
  );
}
