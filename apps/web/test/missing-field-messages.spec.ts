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
      expect.stringMatching(/^新規性の判定を選択肢から選んでください。$/),
      expect.stringMatching(/^新規性のコメントを入力してください。$/),
      expect.stringMatching(/を選択肢から選んでください。$/),
      '総合評価のコメントを入力してください。',
    ]);
  });
});
