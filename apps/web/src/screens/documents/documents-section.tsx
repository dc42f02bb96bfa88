import { useEffect, useState } from 'react';
import './documents.css';
import { DocumentList } from './document-list';
import { DocumentReceiptCard } from './document-receipt';
import { DocumentUploadForm } from './document-upload-form';
import type { DocumentReceipt } from './upload-document';
import type { DocumentsRead } from './read-documents';
import type { components } from '../../api/schema';

type DocumentView = components['schemas']['DocumentView'];

/**
 * 添付書類 on the application's screen: the owner uploads (with progress, then the receipt);
 * everyone who may see the application reads the list and downloads.
 */
export function DocumentsSection({
  applicationId,
  canUpload,
  onUploaded,
  known,
  firstAsked,
}: {
  applicationId: string;
  canUpload: boolean;
  /**
   * The documents of the application's answer, on a screen where the reader uploads nothing
   * (officers, reviewers): shown as they are, with nothing more asked.
   */
  known?: readonly DocumentView[];
  /** Told each receipt, so other parts of the screen can wait for the document to show. */
  onUploaded?: (receipt: DocumentReceipt) => void;
  /** The list's first page, asked by the screen beside its application (readDocumentPage). */
  firstAsked?: DocumentsRead;
}) {
  const [receipt, setReceipt] = useState<DocumentReceipt>();
  // The list waits for the last document received even once its receipt is no longer shown.
  const [awaited, setAwaited] = useState<string>();
  const [maxBytes, setMaxBytes] = useState<number>();
  // A link from another screen to #documents: in-app navigation does not scroll to the anchor by itself.
  useEffect(() => {
    if (window.location.hash === '#documents') document.getElementById('documents')?.scrollIntoView();
  }, []);
  return (
    <section aria-labelledby="documents-title" className="documents" id="documents">
      <h2 id="documents-title">添付書類</h2>
      {canUpload && (
        <DocumentUploadForm
          applicationId={applicationId}
          maxBytes={maxBytes}
          onSending={() => setReceipt(undefined)}
          onReceived={(received) => {
            setReceipt(received);
            setAwaited(received.documentId);
            onUploaded?.(received);
          }}
        />
      )}
      {receipt && <DocumentReceiptCard receipt={receipt} />}
      <DocumentList
        applicationId={applicationId}
        awaiting={awaited}
        onMaxBytes={setMaxBytes}
        uploadsOpen={canUpload}
        known={canUpload ? undefined : known}
        firstAsked={firstAsked}
      />
    </section>
  );
}
