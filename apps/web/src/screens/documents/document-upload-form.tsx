import { useRef, useState } from 'react';
import { formatBytes } from '../../format/bytes';
import { Field } from '../../ui/field';
import { IssueSummary } from '../../ui/issue-summary';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from './document-kinds';
import { uploadDocument, type DocumentReceipt, type Upload } from './upload-document';
import {
  tooLargeMessage,
  UPLOAD_FIELDS,
  uploadIssues,
  uploadSummaryItems,
  type UploadIssue,
} from './upload-messages';

/** Choose a kind and a file, watch it go up, get the receipt (or the refusal, at its field). */
export function DocumentUploadForm({
  applicationId,
  maxBytes,
  onSending,
  onReceived,
}: {
  applicationId: string;
  /** The largest file the API takes, once known: said in the hint, and a larger file is refused before it is sent. */
  maxBytes?: number;
  /** Told at every send, before its checks: the last receipt no longer answers what is on the form. */
  onSending?: () => void;
  onReceived: (receipt: DocumentReceipt) => void;
}) {
  const [kind, setKind] = useState<DocumentKind | ''>('');
  const [file, setFile] = useState<File>();
  const [issues, setIssues] = useState<UploadIssue[]>([]);
  const [progress, setProgress] = useState<{ sent: number; total: number; file: File }>();
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useRef<Upload>(undefined);
  const sending = progress !== undefined && upload.current !== undefined;
  const errorsAt = (field: UploadIssue['field']) =>
    issues.filter((issue) => issue.field === field).map((issue) => issue.message);

  async function send() {
    onSending?.();
    const missing: UploadIssue[] = [
      ...(kind ? [] : [{ field: 'kind' as const, message: '書類の種類を選んでください。' }]),
      ...(file ? [] : [{ field: 'file' as const, message: 'ファイルを選んでください。' }]),
      // Not minutes of uploading on a slow line to hear the file is too large.
      ...(file && maxBytes !== undefined && file.size > maxBytes
        ? [{ field: 'file' as const, message: tooLargeMessage(maxBytes, file.size) }]
        : []),
    ];
    setIssues(missing);
    if (!kind || !file || missing.length > 0) return;
    setProgress({ sent: 0, total: file.size, file });
    upload.current = uploadDocument(applicationId, file, kind, (sent, total) =>
      setProgress({ sent, total, file }),
    );
    const outcome = await upload.current.done;
    upload.current = undefined;
    if ('receipt' in outcome) {
      setProgress((last) => (last ? { ...last, sent: last.total } : last));
      // The form is ready for the next document: the one just filed is not sent twice by a second click.
      setFile(undefined);
      setKind('');
      if (fileInput.current) fileInput.current.value = '';
      onReceived(outcome.receipt);
      return;
    }
    setProgress(undefined);
    setIssues(uploadIssues(outcome.problem));
  }

  const percent = progress && progress.total > 0 ? Math.floor((progress.sent * 100) / progress.total) : 0;
  return (
    <form
      className="upload-form"
      noValidate
      aria-label="書類の提出"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {issues.length > 0 && (
        <IssueSummary
          title="書類を提出できませんでした"
          items={uploadSummaryItems(issues)}
          refusal={issues}
        />
      )}
      <Field id={UPLOAD_FIELDS.kind} label="書類の種類" required errors={errorsAt('kind')}>
        {(describedBy, invalid) => (
          <select
            id={UPLOAD_FIELDS.kind}
            className="select select--fit"
            value={kind}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => setKind(event.target.value as DocumentKind)}
          >
            <option value="">選択してください</option>
            {DOCUMENT_KINDS.map((value) => (
              <option key={value} value={value}>
                {DOCUMENT_KIND_LABELS[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={UPLOAD_FIELDS.file}
        label="ファイル"
        required
        hint={`PDF、画像、Word・Excel・PowerPoint、CSV、ZIP（1ファイルずつ。${maxBytes !== undefined ? `1ファイル${formatBytes(maxBytes)}まで` : '大きさには上限があります'}）`}
        errors={errorsAt('file')}
      >
        {(describedBy, invalid) => (
          <input
            id={UPLOAD_FIELDS.file}
            ref={fileInput}
            type="file"
            className="input"
            aria-describedby={describedBy}
            aria-invalid={invalid}
            disabled={sending}
            onChange={(event) => {
              setFile(event.target.files?.[0]);
              setProgress(undefined);
            }}
          />
        )}
      </Field>
      {progress && (
        <div className="upload-progress" data-testid="upload-progress">
          <label htmlFor="upload-progress-bar">{sending ? '送信中' : '送信完了'}</label>
          <progress
            id="upload-progress-bar"
            max={progress.total}
            value={progress.sent}
            aria-valuetext={`${percent}%`}
          />
          <span className="nowrap" data-testid="upload-percent">
            {percent}%
          </span>
          <span className="muted">
            {progress.file.name}（{formatBytes(progress.file.size)}）
          </span>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={sending}>
          アップロードする
        </button>
        {sending && (
          <button type="button" className="button" onClick={() => upload.current?.cancel()}>
            送信を中止
          </button>
        )}
      </div>
    </form>
  );
}
