import { median } from './median';

describe('median', () => {
  it('is the middle value of an odd number, whatever their order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('is the mean of the two middle values of an even number', () => {
    expect(median([4, 1, 10, 2])).toBe(3);
  });

  it('refuses to make one up from no values', () => {
    expect(() => median([])).toThrow('the median of no values');
  });
});
