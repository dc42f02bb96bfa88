import { useEffect, useState, type ReactNode } from 'react';
import { readDocuments } from '../documents/read-documents';
import type { components } from '../../api/schema';
import { formatBytes } from '../../format/bytes';
import { linkHandler } from '../../router';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../documents/document-kinds';
import { joinSentences } from '../../format/sentences';

type DocumentView = components['schemas']['DocumentView'];
export type DocumentRef = components['schemas']['DocumentRefView'];

/** Every upload as GET …/documents reads it, or undefined when a page of it could not be read. */
async function allDocuments(applicationId: string): Promise<DocumentView[] | undefined> {
  const documents: DocumentView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const { data } = await readDocuments(applicationId, { limit: 200, cursor });
    if (!data) return undefined;
    documents.push(...data.items);
    if (!data.nextCursor) break;
    cursor = data.nextCursor;
  }
  return documents;
}

/** What a picker needs of the application's answer: whose uploads, and those the answer holds. */
export interface UploadsOf {
  readonly id: string;
  readonly documents: readonly DocumentView[];
}

/**
 * The application's uploads: at once those its answer holds, then as GET …/documents reads them.
 * That read folds the application's own stream, so it also has an upload the answer (a
 * projection) may not have caught up with: one made a moment ago on the application's screen,
 * or on this one (`refreshKey` changes then, and the read is made again).
 */
function useDocuments(application: UploadsOf, refreshKey?: unknown): readonly DocumentView[] {
  const [read, setRead] = useState<DocumentView[]>();
  useEffect(() => {
    let current = true;
    void allDocuments(application.id).then((documents) => {
      if (current && documents) setRead(documents);
    });
    return () => {
      current = false;
    };
  }, [application.id, refreshKey]);
  return read ?? application.documents;
}

/** One upload as a choice shows it: its name, then kind, size and the start of its SHA-256. */
function DocumentDescription({ document }: { document: DocumentView }) {
  return (
    <span>
      {document.name}
      <span className="muted">
        {' '}
        （{DOCUMENT_KIND_LABELS[document.kind as DocumentKind] ?? document.kind}・
        {formatBytes(document.size).split('（')[0]}・SHA-256 {document.sha256.slice(0, 12)}…）
      </span>
    </span>
  );
}

function PickerHint({
  applicationId,
  onThisScreen = false,
}: {
  applicationId: string;
  onThisScreen?: boolean;
}) {
  if (onThisScreen)
    return (
      <p className="field__hint">
        この申請に提出済みの書類から選びます。新しい書類はこの画面の<a href="#documents">「添付書類」</a>
        から提出してください。
      </p>
    );
  return (
    <p className="field__hint">
      この申請に提出済みの書類から選びます。新しい書類は
      <a
        href={`/applications/${applicationId}#documents`}
        onClick={linkHandler(`/applications/${applicationId}#documents`)}
      >
        申請の詳細画面の「添付書類」
      </a>
      から提出してください。
    </p>
  );
}

/**
 * The documents a step refers to, picked from the application's uploads: each is sent as its
 * receipt (name, SHA-256, size), so the reference is exactly what was received.
 */
export function DocumentPicker({
  id,
  application,
  legend,
  selected,
  onChange,
  errors = [],
}: {
  id: string;
  application: UploadsOf;
  legend: string;
  selected: readonly DocumentRef[];
  onChange: (selected: DocumentRef[]) => void;
  errors?: readonly string[];
}) {
  const documents = useDocuments(application);
  const isPicked = (document: DocumentView) =>
    selected.some((ref) => ref.sha256 === document.sha256 && ref.name === document.name);
  const toggle = (document: DocumentView, picked: boolean) =>
    onChange(
      picked
        ? [...selected, { name: document.name, sha256: document.sha256, size: document.size }]
        : selected.filter((ref) => !(ref.sha256 === document.sha256 && ref.name === document.name)),
    );
  return (
    <UploadsFieldset
      id={id}
      applicationId={application.id}
      legend={legend}
      required={false}
      errors={errors}
      documents={documents}
      control={(document) => (
        <input
          type="checkbox"
          checked={isPicked(document)}
          onChange={(event) => toggle(document, event.target.checked)}
        />
      )}
    />
  );
}

/**
 * One required document picked from the application's uploads, sent as its documentId (the
 * local track's confirmation record and 補助要綱), on the application's own screen. The uploads
 * of the awaited `kind` are the choices; the others stay one click away (a file sent under
 * another kind is still accepted), open at once when one of them is chosen or none is of the kind.
 * `refreshKey` reads the list again after an upload there.
 */
export function DocumentChoice({
  id,
  application,
  legend,
  kind,
  selected,
  onChange,
  errors = [],
  refreshKey,
}: {
  id: string;
  application: UploadsOf;
  legend: string;
  kind: DocumentKind;
  selected: string;
  onChange: (documentId: string) => void;
  errors?: readonly string[];
  refreshKey?: unknown;
}) {
  const documents = useDocuments(application, refreshKey);
  const ofKind = documents.filter((document) => document.kind === kind);
  const others = documents.filter((document) => document.kind !== kind);
  const radio = (document: DocumentView) => (
    <input
      type="radio"
      name={id}
      checked={selected === document.documentId}
      onChange={() => onChange(document.documentId)}
    />
  );
  return (
    <UploadsFieldset
      id={id}
      applicationId={application.id}
      legend={legend}
      required
      errors={errors}
      documents={ofKind}
      none={`${DOCUMENT_KIND_LABELS[kind]}として提出された書類はありません。`}
      onThisScreen
      control={radio}
    >
      {others.length > 0 && (
        <details
          className="other-documents"
          open={ofKind.length === 0 || others.some((document) => document.documentId === selected)}
        >
          <summary>ほかの種類の書類から選ぶ（{others.length}件）</summary>
          {others.map((document) => (
            <DocumentLine key={document.documentId} document={document} control={radio} />
          ))}
        </details>
      )}
    </UploadsFieldset>
  );
}

/** One upload as a choice: its checkbox or radio, then what it is. */
function DocumentLine({
  document,
  control,
}: {
  document: DocumentView;
  control: (document: DocumentView) => ReactNode;
}) {
  return (
    <label className="choice choice--document">
      {control(document)}
      <DocumentDescription document={document} />
    </label>
  );
}

/**
 * The application's uploads as choices under one legend, with the hint and the field's errors;
 * `control` is each line's checkbox or radio, `none` what an empty list says, and `children`
 * what follows the choices.
 */
function UploadsFieldset({
  id,
  applicationId,
  legend,
  required,
  errors,
  documents,
  none = '提出済みの書類はありません。',
  onThisScreen,
  control,
  children,
}: {
  id: string;
  applicationId: string;
  legend: string;
  required: boolean;
  errors: readonly string[];
  documents: readonly DocumentView[];
  none?: string;
  onThisScreen?: boolean;
  control: (document: DocumentView) => ReactNode;
  children?: ReactNode;
}) {
  return (
    <fieldset
      className={`fieldset${errors.length > 0 ? ' field--error' : ''}`}
      id={id}
      tabIndex={-1}
      aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
    >
      <legend>
        {legend}
        {required ? <span className="badge badge--required">必須</span> : <span className="badge">任意</span>}
      </legend>
      <PickerHint applicationId={applicationId} onThisScreen={onThisScreen} />
      {errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {joinSentences(errors)}
        </p>
      )}
      {documents.length === 0 && <p className="muted">{none}</p>}
      {documents.map((document) => (
        <DocumentLine key={document.documentId} document={document} control={control} />
      ))}
      {children}
    </fieldset>
  );
}

/**
 * The documents a step recorded, as their receipts name them, the SHA-256 shortened as the
 * picker shows it (the whole of it is in the documents list and in the title): the figures
 * tables these sit in stay readable.
 */
export function DocumentRefs({ documents }: { documents: readonly DocumentRef[] }) {
  if (documents.length === 0) return <>なし</>;
  return (
    <ul className="plain-list">
      {documents.map((document) => (
        <li key={`${document.sha256}-${document.name}`}>
          {document.name}（{formatBytes(document.size).split('（')[0]}・
          {/* Whole on one line: a shortened hash broken across two reads as another. */}
          <span className="nowrap" data-testid="short-hash">
            SHA-256{' '}
            <code className="hash" title={document.sha256}>
              {document.sha256.slice(0, 12)}…
            </code>
            ）
          </span>
        </li>
      ))}
    </ul>
  );
}
