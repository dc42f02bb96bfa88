import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { Field } from '../../ui/field';
import type { FormFields } from './form-issues';
import { ifMatch, type ApplicationView } from './use-award-application';
import { submitOn, useWriteForm } from './use-write-form';

const ABANDONMENT_FIELDS: FormFields = {
  reason: { id: 'field-abandonment-reason', label: '中止・廃止の理由' },
};

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
  const form = useWriteForm(ABANDONMENT_FIELDS);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function send() {
    if (!reason.trim()) return form.refuse('reason', '中止・廃止の理由を入力してください。');
    void form.send(
      () =>
        api.POST('/v1/applications/{id}/abandonment', {
          params: { path: { id: application.id }, header: ifMatch(application) },
          body: { reason: reason.trim() },
        }),
      onDone,
    );
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="abandonment-title" onCancel={onCancel}>
      <form noValidate onSubmit={submitOn(send)}>
        <h2 id="abandonment-title">事業の中止・廃止を申請しますか</h2>
        <p>担当官が承認すると、この事業の交付金はすべて取りやめとなり、元に戻せません。</p>
        {form.summary}
        <Field
          id={ABANDONMENT_FIELDS.reason.id}
          label={ABANDONMENT_FIELDS.reason.label}
          required
          errors={form.errorsAt('reason')}
        >
          {(describedBy) => (
            <textarea
              id={ABANDONMENT_FIELDS.reason.id}
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
            中止・廃止を申請する
          </button>
          <button type="button" className="button" disabled={form.busy} onClick={onCancel}>
            戻る
          </button>
        </div>
      </form>
    </dialog>
  );
}
