import { useEffect, useRef, useState } from 'react';
import type { FormFields } from './form-issues';
import { submitOn, useWriteForm, type WriteForm } from './use-write-form';
import { TextAreaField } from '../../ui/text-area-field';

export interface ReasonDialogText {
  /** The question the dialog asks (its heading and accessible name). */
  readonly title: string;
  /** What the step means and that it cannot be undone. */
  readonly warning: string;
  readonly reasonLabel: string;
  /** Said at the field when the reason is left empty. */
  readonly reasonMissing: string;
  readonly confirm: string;
}

/**
 * A step that cannot be undone and asks for a reason (withdrawal, abandonment): the reason,
 * the step sent through useWriteForm (a refusal shown in the dialog, the reason kept), and
 * the answer handed on.
 */
export function ReasonDialog({
  id,
  text,
  write,
  onDone,
  onCancel,
}: {
  /** Prefix of the dialog's ids: `${id}-title`, `field-${id}-reason`. */
  id: string;
  text: ReasonDialogText;
  write: (reason: string) => ReturnType<Parameters<WriteForm['send']>[0]>;
  onDone: (answer: unknown) => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [fields] = useState<FormFields>(() => ({
    reason: { id: `field-${id}-reason`, label: text.reasonLabel },
  }));
  const form = useWriteForm(fields);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  function send() {
    if (!reason.trim()) return form.refuse('reason', text.reasonMissing);
    void form.send(() => write(reason.trim()), onDone);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onCancel={onCancel}>
      <form noValidate onSubmit={submitOn(send)}>
        <h2 id={`${id}-title`}>{text.title}</h2>
        <p>{text.warning}</p>
        {form.summary}
        <TextAreaField
          id={fields.reason.id}
          label={fields.reason.label}
          required
          errors={form.errorsAt('reason')}
          value={reason}
          onChange={setReason}
        />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={form.busy}>
            {text.confirm}
          </button>
          <button type="button" className="button" disabled={form.busy} onClick={onCancel}>
            戻る
          </button>
        </div>
      </form>
    </dialog>
  );
}
