import { tooLargeMessage, uploadIssues, uploadSummaryItems } from '../src/screens/documents/upload-messages';

const refused = (
  status: number,
  errors: { field: string; rule: string; figures?: Record<string, number> }[],
) =>
  uploadSummaryItems(
    uploadIssues({ status, title: 'refused', errors: errors.map((error) => ({ ...error, message: '' })) }),
  );

describe('the document upload’s error summary', () => {
  it('says each refusal once, as beside its field, naming the field once and linking to it', () => {
    expect(
      refused(400, [
        { field: 'kind', rule: 'required' },
        { field: 'file', rule: 'required' },
      ]),
    ).toEqual([
      { fieldId: 'field-document-kind', text: '書類の種類を選んでください。' },
      { fieldId: 'field-document-file', text: 'ファイルを選んでください。' },
    ]);
    expect(refused(413, [{ field: 'file', rule: 'max_size', figures: { maxBytes: 3_145_728 } }])).toEqual([
      {
        fieldId: 'field-document-file',
        text: 'ファイルが大きすぎます。3,145,728\u00a0バイト（3.0\u00a0MB）以下のファイルを選んでください。',
      },
    ]);
    expect(refused(400, [{ field: 'file', rule: 'not_empty' }])[0].text).toBe(
      '空のファイル（0バイト）は提出できません。',
    );
  });

  it('says by how much a chosen file is over the limit, which its rounded size does not show', () => {
    expect(tooLargeMessage(20_971_520, 22_000_000)).toBe(
      'ファイルが大きすぎます：選んだファイルは22,000,000\u00a0バイト（21.0\u00a0MB）で、上限の20,971,520\u00a0バイト（20.0\u00a0MB）を1,028,480\u00a0バイト（1,004.4\u00a0KB）超えています。上限以下のファイルを選んでください。',
    );
  });

  it('names the field first when the message does not', () => {
    expect(refused(503, [])).toEqual([
      {
        fieldId: 'field-document-file',
        text: 'ファイル：システムが一時的に利用できません。書類は保存されていません。しばらくしてから再度お試しください。',
      },
    ]);
  });
});
