import { joinSentences } from '../src/format/sentences';

describe('joinSentences', () => {
  it('puts Japanese sentences one after the other, without a space', () => {
    expect(joinSentences(['交付額を入力してください。', '融資額を超えています。'])).toBe(
      '交付額を入力してください。融資額を超えています。',
    );
  });

  it('keeps a message that does not end a sentence apart from the next by one space', () => {
    expect(joinSentences(['file too large', '形式が違います。'])).toBe('file too large 形式が違います。');
  });

  it('reads one message as it is, and none as nothing', () => {
    expect(joinSentences(['判断を選んでください。'])).toBe('判断を選んでください。');
    expect(joinSentences([])).toBe('');
  });
});
