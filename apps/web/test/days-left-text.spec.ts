import { daysLeftText } from '../src/format/dates';

describe('how a due date stands, in words', () => {
  it('counts the days left before the day', () => {
    expect(daysLeftText(13)).toBe('あと13日');
    expect(daysLeftText(1)).toBe('あと1日');
  });

  it('says the day itself is the deadline, never "あと0日"', () => {
    expect(daysLeftText(0)).toBe('本日が期限');
  });

  it('counts the days past once overdue', () => {
    expect(daysLeftText(-1)).toBe('1日超過');
    expect(daysLeftText(-279)).toBe('279日超過');
  });
});
