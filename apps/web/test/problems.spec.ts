import { asProblem, asksToReload, NO_ANSWER_TYPE, problemHeadline } from '../src/api/problems';
import { describeIssues } from '../src/screens/post-award/form-issues';

const FIELDS = { reason: { id: 'field-reason', label: '理由' } };

describe('a refusal as the screens show it', () => {
  it('keeps the issues of a refusal of the input, each at its field in Japanese', () => {
    const problem = asProblem(
      {
        title: 'Validation failed',
        errors: [{ field: 'reason', rule: 'is_not_empty', message: 'reason should not be empty' }],
      },
      400,
    );
    expect(describeIssues(problem, FIELDS)).toEqual([
      { fieldId: 'field-reason', label: '理由', message: '理由を入力してください。' },
    ]);
  });

  it.each([
    [
      409,
      {
        field: 'If-Match',
        rule: 'revision_current',
        message: 'The application has changed since revision 3',
      },
    ],
    [409, { field: 'status', rule: 'invalid_state', message: 'A decided application cannot be withdrawn' }],
    [
      403,
      {
        field: 'authorization',
        rule: 'separation_of_duties',
        message: 'A reviewer of this application cannot decide it',
      },
    ],
  ])(
    'says only the headline of a %i, never the API’s English about a field nobody filled in',
    (status, issue) => {
      const problem = asProblem({ title: 'Conflict', errors: [issue] }, status);
      expect(problem.errors).toEqual([]);
      expect(describeIssues(problem, FIELDS)).toEqual([]);
      expect(problemHeadline(problem)).toMatch(
        /^(この申請は、ほかの操作で更新された|この操作を行う権限がありません)/,
      );
    },
  );
});

describe('the failures that ask for a reload', () => {
  it('are the refusal of a changed application and no answer at all, even after a screen’s own lead-in', () => {
    const conflict = problemHeadline(asProblem({ title: 'Conflict', errors: [] }, 409));
    const noAnswer = problemHeadline(asProblem({ type: NO_ANSWER_TYPE, title: 'No answer' }, 503));
    expect(asksToReload(conflict)).toBe(true);
    expect(asksToReload(`確定額を計算できませんでした。${noAnswer}`)).toBe(true);
  });

  it('are not a refusal that reloading would not change', () => {
    for (const status of [400, 403, 404, 422, 503])
      expect(asksToReload(problemHeadline(asProblem({ title: 'Refused', errors: [] }, status)))).toBe(false);
  });
});
