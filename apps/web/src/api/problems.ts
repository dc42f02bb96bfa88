import type { FieldIssue } from '../messages/rule-messages';

/** application/problem+json as the API answers every error (API.md, "Errors"). */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly errors: readonly FieldIssue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function fieldIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((issue) => ({
    field: String(issue.field ?? ''),
    rule: String(issue.rule ?? ''),
    message: String(issue.message ?? ''),
    figures: isRecord(issue.figures) ? issue.figures : undefined,
  }));
}

/** A Problem's status when no answer came at all (the server down, the connection cut): no HTTP status is 0. */
export const NO_ANSWER = 0;

/** The problem type the web client gives the answer it makes up when no answer came (see no-answer.ts). */
export const NO_ANSWER_TYPE = 'urn:local10000:web:no-answer';

/** Statuses whose issues are about what was sent: a field a person filled in, and a rule the screen words. */
const INPUT_STATUSES = new Set([400, 413, 415, 422]);

/**
 * The API's answer as a Problem. The issues of any other refusal (a stale revision, a status
 * that does not allow the step, a role) name no field a person filled in ('If-Match',
 * 'status', 'authorization') and carry only the API's English: they are left off, and a
 * screen says the status's headline (problemHeadline) instead.
 */
export function asProblem(error: unknown, status: number): Problem {
  const body = isRecord(error) ? error : {};
  return {
    status: body.type === NO_ANSWER_TYPE ? NO_ANSWER : status,
    title: String(body.title ?? 'Error'),
    detail: typeof body.detail === 'string' ? body.detail : undefined,
    errors: INPUT_STATUSES.has(status) ? fieldIssues(body.errors) : [],
  };
}

/** A refusal that says nothing of the request: no answer came, or the service was briefly unavailable. Sending the same again later may succeed. */
export const isTransient = (problem: Problem): boolean =>
  problem.status === NO_ANSWER || problem.status === 502 || problem.status === 503 || problem.status === 504;

const NO_ANSWER_HEADLINE =
  'サーバーから応答がありませんでした。通信状態を確かめて、もう一度お試しください。送信した内容が届いたかどうかは、画面を再読み込みすると確かめられます。';
const CONFLICT_HEADLINE =
  'この申請は、ほかの操作で更新されたか、今の状態ではこの操作ができないため、受け付けられませんでした。画面を再読み込みして、最新の状態を確かめてください。';

/**
 * Whether a screen's failure sentence sends the person to reload the page (a refusal because
 * the application changed, or no answer at all): the screen then offers the reload itself.
 */
export const asksToReload = (message: string): boolean =>
  message.endsWith(CONFLICT_HEADLINE) || message.endsWith(NO_ANSWER_HEADLINE);

/** A sentence for the top of a screen, in Japanese, per status. */
export function problemHeadline(problem: Problem): string {
  switch (problem.status) {
    case NO_ANSWER:
      return NO_ANSWER_HEADLINE;
    case 400:
      return '入力内容に誤りがあります。';
    case 401:
      return 'サインインの有効期限が切れました。';
    case 403:
      return 'この操作を行う権限がありません。';
    case 404:
      return '申請が見つかりません。';
    case 409:
      return CONFLICT_HEADLINE;
    case 422:
      return '提出できません。次の項目を確認してください。';
    case 503:
      return 'システムが一時的に利用できません。何も保存されていません。しばらくしてから再度お試しください。';
    default:
      return 'エラーが発生しました。';
  }
}
