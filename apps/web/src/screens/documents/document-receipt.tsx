import { formatBytes } from '../../format/bytes';
import { formatDateTimeSeconds, formatWareki } from '../../format/dates';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from './document-kinds';
import type { DocumentReceipt } from './upload-document';

/** What the municipality keeps as proof of an upload: the exact size and the SHA-256 of the bytes received. */
export function DocumentReceiptCard({ receipt }: { receipt: DocumentReceipt }) {
  const received = new Date(receipt.receivedAt);
  return (
    <section className="success receipt" aria-labelledby="receipt-title" data-testid="document-receipt">
      <h3 id="receipt-title">受領しました</h3>
      <dl className="figures">
        <dt>ファイル名</dt>
        <dd data-testid="receipt-name">{receipt.name}</dd>
        <dt>種類</dt>
        <dd>{DOCUMENT_KIND_LABELS[receipt.kind as DocumentKind] ?? receipt.kind}</dd>
        <dt>サイズ</dt>
        <dd data-testid="receipt-size">{formatBytes(receipt.size)}</dd>
        <dt>SHA-256</dt>
        <dd>
          <code className="hash" data-testid="receipt-sha256">
            {receipt.sha256}
          </code>
        </dd>
        <dt>受領日時</dt>
        <dd data-testid="receipt-received-at">
          {formatDateTimeSeconds(received)}（日本時間・{formatWareki(received)}）
        </dd>
      </dl>
      <p className="muted">お手元のファイルの SHA-256 と一致すれば、同じ内容で受領されています。</p>
    </section>
  );
}
