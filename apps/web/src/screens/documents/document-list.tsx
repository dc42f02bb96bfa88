import { useCallback, useEffect, useRef, useState } from 'react';
import { asProblem, problemHeadline } from '../../api/problems';
import type { components } from '../../api/schema';
import { formatBytes } from '../../format/bytes';
import { formatDateTimeSeconds } from '../../format/dates';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from './document-kinds';
import { downloadDocument } from './download-document';
import { FailureAlert } from '../../ui/failure-alert';
import { knownPage } from './known-page';
import { readDocuments, type DocumentsRead } from './read-documents';

type DocumentView = components['schemas']['DocumentView'];

const PAGE_SIZE = 10;

/** 11〜20件目, or 11件目 when the page holds one. */
function itemRange(first: number, count: number): string {
  return count === 1 ? `${first}件目` : `${first}〜${first + count - 1}件目`;
}

/** The link that fetches the bytes with the session's token and saves them under their own name. */
export function DownloadLink({
  applicationId,
  documentId,
  name,
}: {
  applicationId: string;
  documentId: string;
  name: string;
}) {
  const [failed, setFailed] = useState(false);
  return (
    <>
      <a
        href={`/v1/applications/${applicationId}/documents/${documentId}`}
        download={name}
        onClick={(event) => {
          event.preventDefault();
          void downloadDocument(applicationId, documentId, name).then((ok) => setFailed(!ok));
        }}
      >
        {name}
      </a>
      {failed && <span className="field__error">（ダウンロードできませんでした）</span>}
    </>
  );
}

/** One page of the documents as shown, whichever way it came. */
interface DocumentPage {
  readonly items: readonly DocumentView[];
  readonly total?: number;
  /** From 1. */
  readonly page: number;
  readonly more: boolean;
  readonly loaded: boolean;
  readonly failure?: string;
  readonly previous: () => void;
  readonly next: () => void;
}

/**
 * The application's documents in the order received, ten to a page. A screen that holds the
 * application's answer and takes no uploads gives its documents (`known`: the answer carries
 * them all) and nothing more is asked; otherwise GET …/documents is read, which folds the
 * application's own stream and so shows an upload the moment its receipt is given.
 */
export function DocumentList({
  applicationId,
  awaiting,
  onMaxBytes,
  uploadsOpen = false,
  known,
  firstAsked,
}: {
  applicationId: string;
  awaiting?: string;
  /** Whether documents may still come: an empty list then says まだ, a closed one does not. */
  uploadsOpen?: boolean;
  /** Told the upload limit the list's answer carries. */
  onMaxBytes?: (maxBytes: number) => void;
  /** The documents of the application's answer, when the screen has it and takes no uploads. */
  known?: readonly DocumentView[];
  /** The first page's read, asked by the screen beside its application. */
  firstAsked?: DocumentsRead;
}) {
  return known ? (
    <KnownDocumentList applicationId={applicationId} known={known} uploadsOpen={uploadsOpen} />
  ) : (
    <ReadDocumentList
      applicationId={applicationId}
      awaiting={awaiting}
      onMaxBytes={onMaxBytes}
      uploadsOpen={uploadsOpen}
      firstAsked={firstAsked}
    />
  );
}

function KnownDocumentList({
  applicationId,
  known,
  uploadsOpen,
}: {
  applicationId: string;
  known: readonly DocumentView[];
  uploadsOpen: boolean;
}) {
  const [wanted, setWanted] = useState(1);
  const { items, more, page } = knownPage(known, wanted, PAGE_SIZE);
  return (
    <DocumentPageView
      applicationId={applicationId}
      uploadsOpen={uploadsOpen}
      shown={{
        items,
        total: known.length,
        page,
        more,
        loaded: true,
        previous: () => setWanted(page - 1),
        next: () => setWanted(page + 1),
      }}
    />
  );
}

/** The list's page of GET …/documents, the first when no cursor is given. */
export const readDocumentPage = (applicationId: string, cursor?: string): DocumentsRead =>
  readDocuments(applicationId, { limit: PAGE_SIZE, cursor });

/**
 * Read a page at a time by cursor: the cursors of the pages already seen are kept to go back.
 * `firstAsked` is the first page's read already under way (the screen asked beside its
 * application), taken for the first page once.
 */
function ReadDocumentList({
  applicationId,
  awaiting,
  onMaxBytes,
  uploadsOpen,
  firstAsked,
}: {
  applicationId: string;
  awaiting?: string;
  onMaxBytes?: (maxBytes: number) => void;
  uploadsOpen: boolean;
  firstAsked?: DocumentsRead;
}) {
  const firstRead = useRef(firstAsked);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [items, setItems] = useState<DocumentView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<number>();
  const [failure, setFailure] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const cursor = cursors[cursors.length - 1];

  const load = useCallback(async () => {
    const asked = cursor === undefined && awaiting === undefined ? firstRead.current : undefined;
    firstRead.current = undefined;
    const { data, error, response } = await (asked ?? readDocumentPage(applicationId, cursor));
    setLoaded(true);
    if (!response.ok || !data) return setFailure(problemHeadline(asProblem(error, response.status)));
    setFailure(undefined);
    setItems(data.items);
    setNext(data.nextCursor ?? null);
    setTotal(data.total);
    onMaxBytes?.(data.maxBytes);
  }, [applicationId, cursor, awaiting, onMaxBytes]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <DocumentPageView
      applicationId={applicationId}
      uploadsOpen={uploadsOpen}
      shown={{
        items,
        total,
        page: cursors.length,
        more: next !== null,
        loaded,
        failure,
        previous: () => setCursors((previous) => previous.slice(0, -1)),
        next: () => next && setCursors((previous) => [...previous, next]),
      }}
    />
  );
}

function DocumentPageView({
  applicationId,
  uploadsOpen,
  shown: { items, total, page, more, loaded, failure, previous, next },
}: {
  applicationId: string;
  uploadsOpen: boolean;
  shown: DocumentPage;
}) {
  const first = (page - 1) * PAGE_SIZE + 1;
  return (
    <div data-testid="document-list">
      <h3 id="document-list-title">
        提出済みの書類{total !== undefined && total > 0 && `（全${total.toLocaleString('ja-JP')}件）`}
      </h3>
      <FailureAlert message={failure} />
      {loaded && items.length === 0 && !failure && (
        <p>{uploadsOpen ? 'まだ書類はありません。' : '提出された書類はありません。'}</p>
      )}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table documents-table" aria-labelledby="document-list-title">
            <thead>
              <tr>
                <th scope="col">ファイル名</th>
                <th scope="col">種類</th>
                <th scope="col" className="numeric">
                  サイズ
                </th>
                <th scope="col">SHA-256</th>
                <th scope="col">受領日時（日本時間）</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.documentId}>
                  <td>
                    <DownloadLink
                      applicationId={applicationId}
                      documentId={item.documentId}
                      name={item.name}
                    />
                  </td>
                  <td>{DOCUMENT_KIND_LABELS[item.kind as DocumentKind] ?? item.kind}</td>
                  <td className="numeric">{formatBytes(item.size)}</td>
                  <td>
                    <code className="hash">{item.sha256}</code>
                  </td>
                  <td className="nowrap">{formatDateTimeSeconds(new Date(item.receivedAt))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(page > 1 || more) && (
        <nav className="pager" aria-label="書類一覧のページ">
          <button type="button" className="button" disabled={page <= 1} onClick={previous}>
            前の{PAGE_SIZE}件
          </button>
          <span data-testid="document-page">
            {page}ページ目
            {items.length > 0 && total !== undefined && `（${itemRange(first, items.length)}／全${total}件）`}
          </span>
          <button type="button" className="button" disabled={!more} onClick={next}>
            次の{PAGE_SIZE}件
          </button>
        </nav>
      )}
    </div>
  );
}
