import { formatBytes } from '../src/format/bytes';
import { uploadIssues } from '../src/screens/documents/upload-messages';
import { financingMismatch } from '../src/screens/post-award/financing-balance';
import {
  describeIssues,
  namesRequirement,
  summaryItems,
  type FormFields,
} from '../src/screens/post-award/form-issues';

const problem = (
  status: number,
  errors: { field: string; rule: string; figures?: Record<string, unknown> }[],
) => ({
  status,
  title: 'refused',
  errors: errors.map((error) => ({ ...error, message: 'as the API words it' })),
});

describe('Refusals after adoption, in Japanese at their field', () => {
  const fields: FormFields = {
    amount: { id: 'field-amount', label: '交付申請額' },
    documents: { id: 'field-documents', label: '添付書類' },
  };

  it('names the rule the API broke, at the input that holds the field', () => {
    const issues = describeIssues(problem(422, [{ field: 'amount', rule: 'grant_within_approved' }]), fields);
    expect(issues).toEqual([
      { fieldId: 'field-amount', label: '交付申請額', message: '交付申請額は採択額以下にしてください。' },
    ]);
    expect(summaryItems(issues)).toEqual([
      { fieldId: 'field-amount', text: '交付申請額は採択額以下にしてください。' },
    ]);
  });

  it('tells a refusal by a programme requirement from one by an award step’s amount limit (the summary’s heading)', () => {
    const overDecided = { field: 'plan.funding.grant', rule: 'decided_grant_not_increased' };
    const loanTooSmall = { field: 'plan.funding.grant', rule: 'loan_at_least_grant' };
    expect(namesRequirement(problem(422, [overDecided]))).toBe(false);
    expect(namesRequirement(problem(422, [loanTooSmall]))).toBe(true);
    expect(namesRequirement(problem(422, [overDecided, loanTooSmall]))).toBe(true);
  });

  it('puts a changed plan’s violations at the plan editor’s inputs (plan.funding.grant → field-funding-grant)', () => {
    const [issue] = describeIssues(
      problem(422, [{ field: 'plan.funding.grant', rule: 'decided_grant_not_increased' }]),
      {},
    );
    expect(issue).toMatchObject({
      fieldId: 'field-funding-grant',
      message: '計画変更で交付額を交付決定額より増やすことはできません。',
    });
  });

  it('puts an actual cost line’s and a document reference’s problems at their own inputs', () => {
    const issues = describeIssues(
      problem(400, [
        { field: 'actualCosts[1].amount', rule: 'is_int' },
        { field: 'documents[0].sha256', rule: 'matches' },
      ]),
      fields,
    );
    expect(issues).toEqual([
      {
        fieldId: 'field-actualCosts-1-amount',
        label: '実績経費2行目',
        message: '実績経費2行目は整数（円単位）で入力してください。',
      },
      { fieldId: 'field-documents', label: '添付書類', message: '添付書類の形式が正しくありません。' },
    ]);
  });

  it('says a payment above the confirmed share in words, not the API’s English', () => {
    const [issue] = describeIssues(
      problem(422, [{ field: 'amount', rule: 'payment_within_confirmed_share' }]),
      {
        amount: { id: 'field-payment-amount', label: '支払額' },
      },
    );
    expect(issue.message).toBe('支払額の合計が確定した国費（交付金）を超えます。');
  });
});

describe('Refused uploads, in Japanese at the file or kind field', () => {
  it('gives the size limit from the API’s figures, in bytes with separators', () => {
    expect(
      uploadIssues(
        problem(413, [{ field: 'file', rule: 'max_size', figures: { maxBytes: 20 * 1024 * 1024 } }]),
      ),
    ).toEqual([
      {
        field: 'file',
        message:
          'ファイルが大きすぎます。20,971,520\u00a0バイト（20.0\u00a0MB）以下のファイルを選んでください。',
      },
    ]);
  });

  it('names the allowed types for a file of another type, and the kind field for an unknown kind', () => {
    const [wrongType, unknownKind] = uploadIssues(
      problem(400, [
        { field: 'file', rule: 'allowed_content_type' },
        { field: 'kind', rule: 'is_in' },
      ]),
    );
    expect(wrongType.message).toMatch(/^この形式のファイルは提出できません。PDF、画像/);
    expect(unknownKind).toEqual({ field: 'kind', message: '書類の種類を一覧から選んでください。' });
  });

  it('explains a closed application (409) and a dropped connection, never in English', () => {
    expect(uploadIssues(problem(409, []))[0].message).toBe(
      'この申請には書類を追加できません（取下げ又は不採択の申請です）。',
    );
    expect(uploadIssues(problem(0, []))[0].message).toMatch(
      /^サーバーから応答がありませんでした。.*二重には提出されません/,
    );
  });
});

describe('Sizes on a receipt', () => {
  it('are exact bytes with separators, with a readable size beside them from a kilobyte up', () => {
    expect(formatBytes(512)).toBe('512\u00a0バイト');
    expect(formatBytes(48_000)).toBe('48,000\u00a0バイト（46.9\u00a0KB）');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2,097,152\u00a0バイト（2.0\u00a0MB）');
  });
});

describe('A performance report whose financing does not add up to its costs', () => {
  it('says by how much, either way, with the figures', () => {
    expect(financingMismatch(50_000_000, 68_000_000)).toBe(
      '資金の実績の合計（68,000,000円）が実績の総事業費（50,000,000円）と一致しません（資金が18,000,000円多い）。' +
        '融資額（又は出資額）、自己資金、事業者に交付した額の合計は、通常は総事業費と一致します。',
    );
    expect(financingMismatch(50_000_000, 49_999_999)).toMatch(/（資金が1円少ない）。/);
  });

  it('says nothing when they add up', () => {
    expect(financingMismatch(50_000_000, 50_000_000)).toBeUndefined();
  });
});
