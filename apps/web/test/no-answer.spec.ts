import { answerWhenUnanswered } from '../src/api/no-answer';
import { asProblem, isTransient, NO_ANSWER, problemHeadline } from '../src/api/problems';

/** What openapi-fetch hands a middleware when fetch itself rejects. */
const failedWith = (error: unknown) =>
  answerWhenUnanswered.onError!({
    error,
    request: new Request('http://localhost/v1/applications/a/submit', { method: 'POST' }),
    schemaPath: '/v1/applications/{id}/submit',
    params: {},
    options: {} as never,
    id: 'request-1',
  });

describe('a request that gets no answer at all', () => {
  it('becomes a problem every screen shows as it shows a refusal, saying no answer came', async () => {
    const answer = await failedWith(new TypeError('Failed to fetch'));

    expect(answer).toBeInstanceOf(Response);
    const response = answer as Response;
    expect(response.ok).toBe(false);
    const problem = asProblem(await response.json(), response.status);
    expect(problem.status).toBe(NO_ANSWER);
    expect(problemHeadline(problem)).toBe(
      'サーバーから応答がありませんでした。通信状態を確かめて、もう一度お試しください。送信した内容が届いたかどうかは、画面を再読み込みすると確かめられます。',
    );
  });

  it('stays an abort when the screen itself called the request off', async () => {
    expect(await failedWith(new DOMException('The operation was aborted.', 'AbortError'))).toBeUndefined();
  });

  it('leaves a real 503 from the API as the API said it: nothing saved', () => {
    const problem = asProblem({ title: 'Service Unavailable', status: 503 }, 503);
    expect(problem.status).toBe(503);
    expect(problemHeadline(problem)).toContain('何も保存されていません');
  });

  it('is worth sending again later, as a 502-504 is; a refusal of the request itself is not', () => {
    const withStatus = (status: number) => asProblem({}, status);
    expect([NO_ANSWER, 502, 503, 504].map(withStatus).every(isTransient)).toBe(true);
    expect([400, 401, 403, 404, 409, 422, 500].map(withStatus).some(isTransient)).toBe(false);
  });
});
