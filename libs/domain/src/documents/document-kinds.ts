/**
 * What an attached document is for, in the programme's order: the business plan and the
 * lender's letter while drafting; the experts' review or the chamber's confirmation and
 * the 補助要綱 on the local track; the 交付申請書 and 実績報告書 and their evidence after adoption.
 */
export const DOCUMENT_KINDS = [
  'business_plan',
  'loan_letter',
  'local_confirmation',
  'scheme_rules',
  'grant_application',
  'performance_report',
  'evidence',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const isDocumentKind = (value: unknown): value is DocumentKind =>
  typeof value === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(value);

/** The longest file name a receipt keeps (characters). */
export const MAX_DOCUMENT_NAME_LENGTH = 255;
