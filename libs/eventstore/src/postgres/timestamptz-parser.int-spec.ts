import { Client, types } from 'pg';
import { parseTimestamptz } from './timestamptz-parser';

const postgresDate = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (
  text: string,
) => Date | number;

const sameAsPostgresDate = (text: string): void => {
  const expected = postgresDate(text);
  const parsed = parseTimestamptz(text);
  if (typeof expected === 'number') expect(parsed).toBe(expected);
  else expect({ text, instant: parsed.getTime() }).toEqual({ text, instant: expected.getTime() });
};

describe('a timestamptz read from PostgreSQL', () => {
  it.each([
    '2026-12-10 23:59:59.999999+09',
    '2026-12-10 14:59:59.999+00',
    '2026-12-10 14:59:59+00',
    '2026-12-10 14:59:59.5+00',
    '2026-12-10 14:59:59.05-03',
    '2026-12-10 09:15:00.123+05:45',
    '2026-12-10 11:29:59.000001-03:30',
    '2024-02-29 00:00:00+14',
    '1970-01-01 00:00:00+00',
    '1969-12-31 23:59:59.999+00',
  ])('reads %s as node-postgres does', (text) => sameAsPostgresDate(text));

  it.each([
    '0099-06-30 12:00:00+00', // Date.UTC would read the year as 1999
    '0999-06-30 12:00:00.25+00',
    '0044-03-15 12:00:00+00:19:32 BC',
    '1891-01-01 00:00:00+09:18:59', // a local mean time offset, with seconds
    '10000-01-01 00:00:00+00',
    'infinity',
    '-infinity',
  ])("leaves %s to node-postgres' own parser, with the same result", (text) => sameAsPostgresDate(text));

  describe('as the server writes it in any session time zone', () => {
    let client: Client;

    beforeAll(async () => {
      client = new Client({
        connectionString: process.env.TEST_DATABASE_SERVER_URL,
        types: { getTypeParser: () => (text: string) => text },
      });
      await client.connect();
    });

    afterAll(() => client.end());

    it.each([
      'UTC',
      'Asia/Tokyo',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Pacific/Kiritimati',
      'America/Los_Angeles',
    ])('reads every instant of a sample written in %s as node-postgres does', async (zone) => {
      await client.query(`SET TIME ZONE '${zone}'`);
      const { rows } = await client.query<{ text: string }>(
        `SELECT t::text AS text FROM generate_series(
             '2019-03-10 00:00:00.123456+00'::timestamptz, '2027-11-03 00:00:00+00'::timestamptz, interval '7 days 3 hours 17 minutes 0.0271 seconds') AS t`,
      );
      expect(rows.length).toBeGreaterThan(400);
      for (const { text } of rows) sameAsPostgresDate(text);
    });
  });
});
