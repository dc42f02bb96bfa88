import { decodeCursor, encodeCursor, isCalendarDay, isInstant } from './keyset-cursor';

describe('a page cursor', () => {
  const id = 'b3f6a1aa-66a7-402e-a7cc-2e3eb9c4b852';

  it('comes back as the key and id it was made of', () => {
    const cursor = encodeCursor({ key: '2026-12-10T14:59:59.999Z', id });
    expect(decodeCursor(cursor, isInstant)).toEqual({ key: '2026-12-10T14:59:59.999Z', id });
  });

  it.each([
    '2026-12-10T14:59:59Z',
    '2026-12-10 14:59:59.999+09',
    '2026',
    'Thu Dec 10 2026',
    '2026-02-30T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
  ])('is refused, naming cursor, when its instant %s is not one the API writes', (key) => {
    expect(() => decodeCursor(encodeCursor({ key, id }), isInstant)).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          status: 400,
          errors: [expect.objectContaining({ field: 'cursor' })],
        }),
      }),
    );
  });

  it.each(['2026-02-30', '2026-13-01', '0000-01-01', '2026-1-01'])(
    'is refused when its day %s does not exist or is not written YYYY-MM-DD',
    (key) => {
      expect(isCalendarDay(key)).toBe(false);
      expect(() => decodeCursor(encodeCursor({ key, id }), isCalendarDay)).toThrow();
    },
  );

  it('takes a leap day and an ordinary day', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2026-12-10')).toBe(true);
    expect(isCalendarDay('2025-02-29')).toBe(false);
  });
});
