import { cookies, sessionStorageItem } from './support/page-state';
import { LocalIdentityProvider } from './support/local-identity-provider';
import { useRunningSystem } from './support/running-system';

describe('Signing in with OIDC (authorisation code + PKCE), in a real browser', () => {
  const identityProvider = new LocalIdentityProvider('l10k-web', {
    sub: 'officer-032077-1',
    name: '久慈 花子',
    roles: ['municipality'],
    municipalityCode: '032077',
  });
  beforeAll(() => identityProvider.start());
  afterAll(() => identityProvider.stop());
  const system = useRunningSystem('2025-06-02T14:00:00+09:00', () => ({
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: identityProvider.url,
    OIDC_AUDIENCE: 'l10k-web',
  }));

  it('signs in at the identity provider and back, keeping the token in this tab only (no cookie)', async () => {
    const page = await system.newPage();
    await page.goto(`${system.baseUrl}/`);
    await page.getByRole('button', { name: '認証サーバーでサインイン' }).click();
    await page.getByRole('heading', { name: '申請一覧' }).waitFor();
    expect(await page.locator('.site-header__user').textContent()).toContain('久慈 花子（自治体担当者・団体コード 032077）');
    expect(identityProvider.exchanges).toEqual([{ verified: true, challengeMethod: 'S256' }]);
    expect(await cookies(page)).toBe('');
    expect(await sessionStorageItem(page, 'l10k.session')).toContain('"token":"ey');
    expect(await sessionStorageItem(page, 'l10k.oidc.pending')).toBeNull();
    await page.getByText('0件').waitFor();
  });
});
