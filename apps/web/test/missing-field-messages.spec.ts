import { checkCompleteness } from '@l10k/domain';
import { missingInDraft } from '../src/screens/review/review-draft';
import { issueMessage } from '../src/messages/rule-messages';

describe('what a form says about a field left empty before anything is sent', () => {
  it('names the field and asks for it, in the error summary as beside the field', () => {
    const draft = { assessments: {}, recommendation: '', comment: ' ' } as unknown as Parameters<
      typeof missingInDraft
    >[0];
    const lines = missingInDraft(draft, ['novelty'] as Parameters<typeof missingInDraft>[1]).map(
      issueMessage,
    );
    expect(lines).toEqual([
      '新規性の判定を選んでください。',
      '新規性のコメントを入力してください。',
      '総合評価を選んでください。',
      '総合評価のコメントを入力してください。',
    ]);
  });
});

describe('what the officer and reviewer forms say of an answer left out, at the top as beside it', () => {
  it('asks for a choice to be chosen, a text to be typed, and an approved grant of one yen or more', () => {
    const asked = (field: string, rule = 'is_not_empty') => issueMessage({ field, rule, message: '' });
    expect(asked('hasConflict')).toBe('利益相反の有無を選んでください。');
    expect(asked('detail')).toBe('利益相反の内容を入力してください。');
    expect(asked('outcome')).toBe('判断を選んでください。');
    expect(asked('reason')).toBe('理由を入力してください。');
    expect(asked('reviewerId')).toBe('審査員IDを入力してください。');
    expect(asked('nationalBudget')).toBe('国費の予算額を入力してください。');
    expect(asked('name')).toBe('氏名を入力してください。');
    expect(asked('municipalityCode', 'local_government_exists')).toBe(
      '団体コードに該当する団体がありません。団体名で探すこともできます。',
    );
    expect(asked('nationalBudget', 'budget_amount_typed')).toBe(
      '国費の予算額は0以上の整数（円）で入力してください。',
    );
    expect(asked('approvedGrant', 'approved_grant_typed')).toBe(
      '採択額（交付額）は1円以上の整数（円）で入力してください。',
    );
  });
});

describe('what a submission refused for an incomplete plan says of each field', () => {
  const messages = checkCompleteness({ costs: [{ description: '改修' }] } as never).map(issueMessage);

  it('asks to choose where the field is a choice, and to type where it is typed', () => {
    expect(messages).toEqual([
      '「事業者名」を入力してください（提出に必要です）。',
      '「事業名」を入力してください（提出に必要です）。',
      '「事業の概要」を入力してください（提出に必要です）。',
      '「条件不利地域」を選んでください（提出に必要です）。',
      '「財政力指数」を入力してください（提出に必要です）。',
      '「経費1行目の経費区分」を選んでください（提出に必要です）。',
      '「経費1行目の金額」を入力してください（提出に必要です）。',
      '「交付額（自治体による公費助成）」を入力してください（提出に必要です）。',
      '「融資額（又は出資額）」を入力してください（提出に必要です）。',
      '「金融機関の種類」を選んでください（提出に必要です）。',
      '「自己資金」を入力してください（提出に必要です）。',
      '「事業開始日」を入力してください（提出に必要です）。',
      '「事業完了日」を入力してください（提出に必要です）。',
    ]);
  });

  it('asks for a line when the plan has no costs at all', () => {
    expect(checkCompleteness({ costs: [] } as never).map(issueMessage)).toContain(
      '「経費」を1行以上入力してください（提出に必要です）。',
    );
  });
});
