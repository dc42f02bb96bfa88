import { useEffect, useRef, useState } from 'react';
import { ErrorSummary } from '../../ui/error-summary';
import { Field } from '../../ui/field';

/** Withdrawal needs a reason (API: `{ reason }`); it cannot be undone. */
export function WithdrawDialog({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="withdraw-title" onCancel={onCancel}>
      <h2 id="withdraw-title">申請を取り下げますか</h2>
      <p>取り下げた申請は元に戻せません。</p>
      {missing && <ErrorSummary title="入力内容を確認してください" issues={[{ field: 'reason', rule: 'is_not_empty', message: '' }]} />}
      <Field id="field-reason" label="取下げの理由" required errors={missing ? ['取下げの理由を入力してください。'] : []}>
        {(describedBy) => (
          <textarea id="field-reason" className="textarea" rows={3} value={reason} aria-describedby={describedBy} aria-invalid={missing} onChange={(event) => setReason(event.target.value)} />
        )}
      </Field>
      <div className="actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => {
            if (!reason.trim()) return setMissing(true);
            onConfirm(reason.trim());
          }}
        >
          取り下げる
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          戻る
        </button>
      </div>
    </dialog>
  );
}
