import { DECISION_RULE_CODES } from '@l10k/domain';
import { RULE_CODES } from '@l10k/rules';
import { issueMessage } from '../src/messages/rule-messages';
import { officerIssueMessage } from '../src/screens/officer/officer-rule-messages';
import { describeIssues } from '../src/screens/post-award/form-issues';

const ENGLISH = 'the API’s English message';

/** What each kind of screen says of one issue: the plan's forms, the officer's decision, the steps after adoption and the local track. */
const wordings = (rule: string) => {
  const issue = { field: 'funding.grant', rule, message: ENGLISH, figures: { fiscalYear: 2031 } };
  return [
    issueMessage(issue),
    officerIssueMessage(issue),
    describeIssues({ status: 422, title: '', errors: [issue] }, {})[0].message,
  ];
};

describe('the rule codes of the domain on the screens', () => {
  it.each([...RULE_CODES, ...DECISION_RULE_CODES])(
    '%s is worded in Japanese by a screen that shows it',
    (rule) => {
      const japanese = wordings(rule).filter((text) => !text.includes(ENGLISH));
      expect(japanese).not.toEqual([]);
      for (const text of japanese) expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    },
  );

  it('says which fiscal year has no rule set yet', () => {
    expect(
      issueMessage({
        field: 'fiscalYear',
        rule: 'rule_set_available',
        message: '',
        figures: { fiscalYear: 2031 },
      }),
    ).toBe(
      '2031年度の交付要件（上限額・補助率など）がまだ定められていないため、この年度の申請は受け付けられません。',
    );
  });
});
