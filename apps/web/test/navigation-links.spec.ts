import { currentFiscalYear, linksFor } from '../src/navigation/nav-links';

const labels = (roles: string[]) => linksFor(roles).map((link) => link.label);

describe('The navigation offers only what the signed-in roles may use', () => {
  it('shows a municipal officer their applications and a reviewer their queue, nothing of the others', () => {
    expect(labels(['municipality'])).toEqual(['申請一覧']);
    expect(labels(['reviewer'])).toEqual(['審査一覧']);
    expect(labels(['program_officer'])).not.toContain('審査一覧');
    expect(labels(['program_officer'])).not.toContain('申請一覧');
  });

  it('gives a person with several roles the links of each, and none of a role they lack', () => {
    const both = labels(['reviewer', 'program_officer']);
    expect(both).toEqual([...labels(['reviewer']), ...labels(['program_officer'])]);
    for (const link of linksFor(['auditor'])) expect(both).not.toContain(link.label);
    expect(both).not.toContain('申請一覧');
  });

  it('shows nothing to a token with no known role', () => {
    expect(linksFor([])).toEqual([]);
    expect(linksFor(['guest'])).toEqual([]);
  });

  it('links the fiscal year screen to the year today falls in, in Japan time (April to March)', () => {
    expect(currentFiscalYear(new Date('2026-03-31T23:59:59+09:00'))).toBe(2025);
    expect(currentFiscalYear(new Date('2026-04-01T00:00:00+09:00'))).toBe(2026);
    // 15:30 UTC on 31 March is already 1 April in Tokyo.
    expect(currentFiscalYear(new Date('2026-03-31T15:30:00Z'))).toBe(2026);
  });
});
