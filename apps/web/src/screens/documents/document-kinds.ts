import type { paths } from '../../api/schema';

export type DocumentKind =
  paths['/v1/applications/{id}/documents']['post']['requestBody']['content']['multipart/form-data']['kind'];

/** 書類の種類, in the order an officer is most likely to need them. */
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  business_plan: '事業計画書',
  loan_letter: '融資確約書・出資の証明',
  grant_application: '交付申請書',
  performance_report: '実績報告書',
  evidence: '証拠書類（領収書・写真など）',
  local_confirmation: '有識者の審査・商工会議所等の確認の記録',
  scheme_rules: '補助要綱',
  other: 'その他',
};

export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_LABELS) as DocumentKind[];
