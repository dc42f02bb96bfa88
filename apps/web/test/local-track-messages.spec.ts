import { describeIssues, summaryItems, type FormFields } from '../src/screens/post-award/form-issues';

const problem = (
  status: number,
  errors: { field: string; rule: string; figures?: Record<string, unknown> }[],
) => ({
  status,
  title: 'refused',
  errors: errors.map((error) => ({ ...error, message: 'as the API words it' })),
});

describe('Refusals of the local track’s steps, in Japanese at their field', () => {
  it('says a confirmation dated after today is refused, at the date, naming today as the API saw it', () => {
    const fields: FormFields = { on: { id: 'field-local-on', label: '確認日' } };
    const issues = describeIssues(
      problem(422, [{ field: 'on', rule: 'confirmation_not_in_future', figures: { today: '2025-06-02' } }]),
      fields,
    );
    expect(issues).toEqual([
      {
        fieldId: 'field-local-on',
        label: '確認日',
        message:
          '確認日に今日（令和7年6月2日(月)）より後の日付は入力できません。審査・確認を行った日を入力してください。',
      },
    ]);
  });

  it('names a requirement judged not met in the local track’s own words, once in the summary line', () => {
    const fields: FormFields = {
      'localConfirmation.assessments.regional_financing': {
        id: 'recorded-assessment-regional_financing',
        label: '融資・クラウドファンディング等',
      },
    };
    const issues = describeIssues(
      problem(422, [
        { field: 'localConfirmation.assessments.regional_financing', rule: 'local_requirement_met' },
      ]),
      fields,
    );
    expect(summaryItems(issues)).toEqual([
      {
        fieldId: 'recorded-assessment-regional_financing',
        text: '地域での確認で「融資・クラウドファンディング等」を満たさないと判定されているため、報告できません。',
      },
    ]);
  });

  it('says a step of the other track is refused in words, not the API’s English', () => {
    const [issue] = describeIssues(problem(409, [{ field: 'track', rule: 'track_matches' }]), {});
    expect(issue.message).toBe(
      'この申請の事業区分（国庫補助事業・地方単独事業）では、この手続は行えません。',
    );
  });
});
