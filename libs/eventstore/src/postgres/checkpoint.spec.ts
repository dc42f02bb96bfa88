import { formatCheckpoint, parseCheckpoint, START_POSITION } from './checkpoint';

describe('PostgreSQL checkpoint', () => {
  it('is the (transaction_id, global_position) pair as text and round-trips', () => {
    const checkpoint = formatCheckpoint('18446744073709551615', '9223372036854775807');
    expect(checkpoint).toBe('pg:18446744073709551615:9223372036854775807');
    expect(parseCheckpoint(checkpoint)).toEqual({
      transactionId: '18446744073709551615',
      globalPosition: '9223372036854775807',
    });
    expect(parseCheckpoint(undefined)).toEqual(START_POSITION);
  });

  it('refuses anything else, including a bare global position', () => {
    for (const bad of ['42', 'pg:1', 'kdb:1:2', 'pg:1:2; DROP TABLE events']) {
      expect(() => parseCheckpoint(bad)).toThrow(expect.objectContaining({ code: 'invalid_checkpoint' }));
    }
  });
});
