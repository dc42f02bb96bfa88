import { principalFromClaims } from './principal-from-claims';

describe('principalFromClaims: what a verified token must say before it becomes a principal', () => {
  const officer = { sub: 'u1', name: '久慈 花子', roles: ['municipality'], municipalityCode: '032077' };

  it('makes a municipality officer with their local government code', () => {
    expect(principalFromClaims(officer)).toEqual({ valid: true, principal: officer });
  });

  it.each(['032077', '130001', '131016', '011011'])(
    'takes %s, a code in the registry',
    (municipalityCode) => {
      expect(principalFromClaims({ ...officer, municipalityCode })).toMatchObject({ valid: true });
    },
  );

  it('keeps several roles, once each, and gives no code to a principal without the municipality role', () => {
    expect(
      principalFromClaims({
        sub: 'u2',
        name: 'Officer',
        roles: ['program_officer', 'auditor', 'auditor'],
        municipalityCode: '032077',
      }),
    ).toEqual({
      valid: true,
      principal: { sub: 'u2', name: 'Officer', roles: ['program_officer', 'auditor'] },
    });
  });

  it.each([
    [{ ...officer, sub: undefined }, 'sub', /"sub" claim must be a non-empty string/],
    [{ ...officer, sub: '  ' }, 'sub', /"sub" claim/],
    [{ ...officer, name: 7 }, 'name', /"name" claim must be a non-empty string/],
    [{ ...officer, roles: undefined }, 'roles', /"roles" claim must be a non-empty list .* \(got nothing\)/],
    [{ ...officer, roles: [] }, 'roles', /"roles" claim must be a non-empty list/],
    [{ ...officer, roles: 'municipality' }, 'roles', /got "municipality"/],
    [{ ...officer, roles: ['municipality', 'mayor'] }, 'roles', /got \["municipality","mayor"\]/],
    [{ ...officer, municipalityCode: undefined }, 'municipalityCode', /required with the municipality role/],
    [
      { ...officer, municipalityCode: '032078' },
      'municipalityCode',
      /check digit of 032078 should be 7, not 8/,
    ],
    [{ ...officer, municipalityCode: '32077' }, 'municipalityCode', /exactly 6 digits/],
    [
      { ...officer, municipalityCode: '999997' },
      'municipalityCode',
      /claim 999997 names no local government in MIC's 全国地方公共団体コード/,
    ],
  ])('refuses %j naming the claim %s', (claims, claim, message) => {
    const check = principalFromClaims(claims);
    expect(check).toMatchObject({ valid: false, claim });
    expect(!check.valid && check.message).toMatch(message);
  });
});
