import { Client } from 'pg';
import { isoInstantOf, isoInstantOrNull, utcWallTime } from './iso-instant.sql';

describe('an instant read from PostgreSQL for a view', () => {
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: process.env.TEST_DATABASE_SERVER_URL });
    await client.connect();
    // The session's zone must not leak into the text: the API's instants are UTC.
    await client.query("SET TIME ZONE 'Asia/Tokyo'");
  });

  afterAll(() => client.end());

  const rendered = async (literal: string): Promise<string> => {
    const { rows } = await client.query<{ text: string }>(
      `SELECT ${utcWallTime('t')} AS text FROM (SELECT $1::timestamptz AS t) AS instant`,
      [literal],
    );
    return isoInstantOf(rows[0].text);
  };

  it.each([
    '2026-12-10T14:59:59.999Z', // the intake's last millisecond, in UTC
    '2026-12-10T15:00:00.000Z',
    '2025-01-01T00:00:00.000Z',
    '2024-02-29T23:59:59.001Z',
    '1999-12-31T23:59:59.050Z', // PostgreSQL writes ".05"
    '2026-04-01T00:00:00.100Z', // and ".1"
    '2026-04-01T00:00:00.000Z', // and no fraction at all
    '0999-06-30T12:00:00.000Z', // a year of three digits, which PostgreSQL pads to four
  ])('reads %s exactly as Date.toISOString writes it', async (instant) => {
    expect(await rendered(instant)).toBe(new Date(instant).toISOString());
  });

  it('cuts the microseconds a Date cannot hold, as reading the timestamp into a Date does', async () => {
    expect(await rendered('2026-12-10 23:59:59.999999+09')).toBe('2026-12-10T14:59:59.999Z');
    expect(await rendered('2026-12-10 09:00:00.000500+09')).toBe('2026-12-10T00:00:00.000Z');
  });

  it('stays null for a missing instant', async () => {
    const { rows } = await client.query<{ text: string | null }>(
      `SELECT ${utcWallTime('t')} AS text FROM (SELECT NULL::timestamptz AS t) AS instant`,
    );
    expect(isoInstantOrNull(rows[0].text)).toBeNull();
  });

  it('refuses a text in another date style rather than misread it', async () => {
    await client.query("SET DateStyle = 'SQL, DMY'");
    try {
      const { rows } = await client.query<{ text: string }>(
        `SELECT ${utcWallTime('t')} AS text FROM (SELECT '2026-12-10T14:59:59.999Z'::timestamptz AS t) AS instant`,
      );
      expect(() => isoInstantOf(rows[0].text)).toThrow(/not a UTC wall time in the ISO style/);
    } finally {
      await client.query("SET DateStyle = 'ISO, MDY'");
    }
  });
});
