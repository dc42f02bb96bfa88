import { issueMessage } from '../src/messages/rule-messages';
import { EMPTY_FORM, toPlan, typingIssues, type PlanForm } from '../src/screens/application-form/plan-form';

const typed = (changes: Partial<PlanForm>): PlanForm => ({ ...EMPTY_FORM, ...changes });

describe('what the plan form says of a field typed so that it cannot be saved', () => {
  it('says beside each field what it needs, and that the field is not saved until then', () => {
    const form = typed({
      fiscalStrengthIndex: '0.215',
      corporateNumber: '12345',
      costs: [{ category: 'facility', amount: '3千万', description: '' }],
      grant: '12.5',
    });
    expect(typingIssues(form).map((issue) => [issue.field, issueMessage(issue)])).toEqual([
      [
        'municipality.fiscalStrengthIndex',
        '財政力指数は小数第2位までの数で入力してください（例：0.21）。正しく入力されるまで、この欄は保存されません。',
      ],
      [
        'business.corporateNumber',
        '法人番号は13桁の数字で入力してください。13桁になるまで、この欄は保存されません。',
      ],
      ['costs[0].amount', expect.stringMatching(/は整数（円単位）で入力してください。$/)],
      ['funding.grant', '交付額（自治体による公費助成）は整数（円単位）で入力してください。'],
    ]);
    expect(toPlan(form)).toMatchObject({ municipality: {}, business: {} });
    expect(toPlan(form).municipality).not.toHaveProperty('fiscalStrengthIndex');
    expect(toPlan(form).business).not.toHaveProperty('corporateNumber');
  });

  it('reads full-width digits as a Japanese keyboard types them, and saves them', () => {
    const form = typed({ fiscalStrengthIndex: '０．２１', corporateNumber: '１２３４５６７８９０１２３' });
    expect(typingIssues(form)).toEqual([]);
    expect(toPlan(form)).toMatchObject({
      municipality: { fiscalStrengthIndex: 0.21 },
      business: { corporateNumber: '1234567890123' },
    });
  });

  it('says nothing of an empty field: leaving one empty is for submission to ask about', () => {
    expect(typingIssues(EMPTY_FORM)).toEqual([]);
  });
});
