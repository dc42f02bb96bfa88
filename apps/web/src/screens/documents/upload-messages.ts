import { NO_ANSWER, type Problem } from '../../api/problems';
import { formatBytes } from '../../format/bytes';
import { summaryText, type SummaryItem } from '../../ui/summary-item';

/** The upload's fields as the API names them, and the form's inputs for them. */
export const UPLOAD_FIELDS = { file: 'field-document-file', kind: 'field-document-kind' } as const;

const FIELD_NAMES = { file: 'ファイル', kind: '書類の種類' } as const;

export interface UploadIssue {
  readonly field: keyof typeof UPLOAD_FIELDS;
  readonly message: string;
}

/**
 * A file above the limit: the limit, and when the form knows the chosen file's size, by how much
 * it is over (rounded to one decimal, a file a few KB over reads as large as the limit).
 */
export function tooLargeMessage(maxBytes: number | undefined, size?: number): string {
  if (maxBytes && size !== undefined && size > maxBytes)
    return `ファイルが大きすぎます：選んだファイルは${formatBytes(size)}で、上限の${formatBytes(maxBytes)}を${formatBytes(size - maxBytes)}超えています。上限以下のファイルを選んでください。`;
  return `ファイルが大きすぎます。${maxBytes ? `${formatBytes(maxBytes)}以下` : '上限以下'}のファイルを選んでください。`;
}

/** A refused upload in Japanese, from the API's rule codes (API.md, "Attachments"). */
export function uploadIssues(problem: Problem): UploadIssue[] {
  if (problem.status === NO_ANSWER)
    return [
      {
        field: 'file',
        message:
          problem.title === 'aborted'
            ? '送信を中止しました。'
            : 'サーバーから応答がありませんでした。通信状態を確認して、同じファイルをもう一度アップロードしてください（届いていた場合も、二重には提出されません）。',
      },
    ];
  if (problem.status === 409)
    return [{ field: 'file', message: 'この申請には書類を追加できません（取下げ又は不採択の申請です）。' }];
  if (problem.status === 403 || problem.status === 404)
    return [{ field: 'file', message: 'この申請に書類を提出する権限がありません。' }];
  if (problem.status === 503)
    return [
      {
        field: 'file',
        message:
          'システムが一時的に利用できません。書類は保存されていません。しばらくしてから再度お試しください。',
      },
    ];
  const issues = problem.errors.map((issue): UploadIssue => {
    const field = issue.field === 'kind' ? 'kind' : 'file';
    switch (issue.rule) {
      case 'max_size': {
        const maxBytes = typeof issue.figures?.maxBytes === 'number' ? issue.figures.maxBytes : undefined;
        return { field, message: tooLargeMessage(maxBytes) };
      }
      case 'allowed_content_type':
        return {
          field,
          message:
            'この形式のファイルは提出できません。PDF、画像（PNG・JPEG・GIF・WebP・TIFF）、Word・Excel・PowerPoint、CSV、ZIPのいずれかを選んでください。',
        };
      case 'not_empty':
        return { field, message: '空のファイル（0バイト）は提出できません。' };
      case 'file_name':
        return {
          field,
          message:
            'ファイル名が長すぎるか、使えない文字が含まれています。ファイル名を変えてから選んでください。',
        };
      case 'required':
        return field === 'kind'
          ? { field, message: '書類の種類を選んでください。' }
          : { field, message: 'ファイルを選んでください。' };
      case 'is_in':
        return { field, message: '書類の種類を一覧から選んでください。' };
      default:
        return { field, message: `提出できませんでした（${issue.rule}）。` };
    }
  });
  return issues.length > 0
    ? issues
    : [{ field: 'file', message: '提出できませんでした。もう一度お試しください。' }];
}

/** The error summary's lines: each issue as at its field, naming the field once, linking to it. */
export const uploadSummaryItems = (issues: readonly UploadIssue[]): SummaryItem[] =>
  issues.map((issue) => ({
    fieldId: UPLOAD_FIELDS[issue.field],
    text: summaryText(FIELD_NAMES[issue.field], issue.message),
  }));
