import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DOCUMENT_KINDS } from '@l10k/domain';

/** The receipt a municipality keeps for an upload (API.md, "Attachments"). */
export class DocumentReceiptView {
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: string;
  @ApiProperty({ example: '事業計画書.pdf', description: 'The file name as uploaded, without folders' })
  name: string;
  @ApiProperty({ type: 'integer', description: 'Bytes' }) size: number;
  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description: 'SHA-256 of the bytes, lower-case hex: compare with `sha256sum`',
  })
  sha256: string;
  @ApiProperty({ example: 'application/pdf', description: 'As found in the bytes, not as declared' })
  contentType: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
}

/** A document as the application, its list and its history show it. */
export class DocumentView extends DocumentReceiptView {
  @ApiProperty({ description: 'The officer who uploaded it' }) receivedBy: string;
}

export class DocumentListView {
  @ApiProperty({ type: [DocumentView], description: 'In the order received' }) items: DocumentView[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last',
  })
  nextCursor: string | null;
  @ApiProperty({ type: 'integer', example: 11, description: 'The application’s documents, all pages' })
  total: number;
  @ApiProperty({
    type: 'integer',
    example: 20971520,
    description:
      'The largest file an upload takes, in bytes (DOCUMENT_MAX_BYTES), so a form can say so before anything is sent',
  })
  maxBytes: number;
}

export const receiptOf = ({ receivedBy: _by, ...receipt }: DocumentView): DocumentReceiptView => receipt;
