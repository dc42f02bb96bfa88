import { Client } from 'pg';
import { isoInstant } from './iso-instant.sql';

describe('an instant rendered by PostgreSQL for a view', () => {
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
      `SELECT ${isoInstant('t')} AS text FROM (SELECT $1::timestamptz AS t) AS instant`,
      [literal],
    );
    return rows[0].text;
  };

  it.each([
    '2026-12-10T14:59:59.999Z', // the intake's last millisecond, in UTC
    '2026-12-10T15:00:00.000Z',
    '2025-01-01T00:00:00.000Z',
    '2024-02-29T23:59:59.001Z',
    '1999-12-31T23:59:59.050Z',
  ])('reads %s exactly as Date.toISOString writes it', async (instant) => {
    expect(await rendered(instant)).toBe(new Date(instant).toISOString());
  });

  it('cuts the microseconds a Date cannot hold, as reading the timestamp into a Date does', async () => {
    expect(await rendered('2026-12-10 23:59:59.999999+09')).toBe('2026-12-10T14:59:59.999Z');
    expect(await rendered('2026-12-10 09:00:00.000500+09')).toBe('2026-12-10T00:00:00.000Z');
  });

  it('stays null for a missing instant', async () => {
    const { rows } = await client.query<{ text: string | null }>(
      `SELECT ${isoInstant('t')} AS text FROM (SELECT NULL::timestamptz AS t) AS instant`,
    );
    expect(rows[0].text).toBeNull();
  });
});
