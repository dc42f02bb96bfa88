import { statementName } from './prepared-query';

describe('the names of prepared reads', () => {
  it('gives one text the same name every time, and two texts two names', () => {
    const byId = 'SELECT detail FROM application_summaries WHERE id = $1';
    const page = 'SELECT id FROM application_summaries ORDER BY created_at DESC LIMIT 51';
    expect(statementName(byId)).toBe(statementName(byId));
    expect(statementName(byId)).toMatch(/^read_[0-9a-f]{20}$/);
    expect(statementName(page)).not.toBe(statementName(byId));
  });

  it('runs texts unnamed once there are more than any handler builds, so PostgreSQL never keeps an endless list', () => {
    const named = Array.from({ length: 600 }, (_, index) => statementName(`SELECT ${index}`));
    expect(named.filter((name) => name === undefined).length).toBeGreaterThan(0);
    expect(new Set(named.filter((name) => name !== undefined)).size).toBeLessThanOrEqual(500);
    expect(statementName('SELECT 0')).toBe(named[0]);
  });
});
