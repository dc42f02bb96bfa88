import type { Page } from 'playwright-core';
import { completePlan, TONO } from '../../api/test/workflow-client';
import { cookies, sessionStorageItem } from './support/page-state';
import { LocalIdentityProvider } from './support/local-identity-provider';
import { useRunningSystem } from './support/running-system';
import { within } from './support/within';

/** The whole system in OIDC mode, with a local identity provider that has `claims` signed in. */
function useOidcSystem(claims: Record<string, unknown>) {
  const identityProvider = new LocalIdentityProvider('l10k-web', claims);
  beforeAll(() => identityProvider.start());
  afterAll(() => identityProvider.stop());
  const system = useRunningSystem('2025-06-02T14:00:00+09:00', () => ({
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: identityProvider.url,
    OIDC_AUDIENCE: 'l10k-web',
  }));
  return { identityProvider, system };
}

describe('Signing in with OIDC (authorisation code + PKCE), in a real browser', () => {
  const { identityProvider, system } = useOidcSystem({
    sub: 'officer-032077-1',
    name: '久慈 花子',
    roles: ['municipality'],
    municipalityCode: '032077',
  });

  it('signs in at the identity provider and back, keeping the token in this tab only (no cookie)', async () => {
    const page = await system.newPage();
    await page.goto(`${system.baseUrl}/`);
    await page.getByRole('button', { name: '認証サーバーでサインイン' }).click();
    await page.getByRole('heading', { name: '申請一覧' }).waitFor();
    // The token carries only the code: the header names the municipality from the registry, as after a dev sign-in.
    await page
      .locator('.site-header__user')
      .getByText('久慈 花子（自治体担当者・岩手県 久慈市 032077）')
      .waitFor();
    expect(identityProvider.exchanges).toEqual([{ verified: true, challengeMethod: 'S256' }]);
    expect(await cookies(page)).toBe('');
    expect(await sessionStorageItem(page, 'l10k.session')).toContain('"token":"ey');
    expect(await sessionStorageItem(page, 'l10k.oidc.pending')).toBeNull();
    await page.getByText('まだ申請はありません。「新しい申請を作成」から始めてください。').waitFor();
  });
});

describe("An officer's typed forms survive the sign-in redirect after a lapsed session (OIDC leaves the page)", () => {
  const TANAKA = { sub: 'officer-田中 花子', name: '田中 花子', roles: ['program_officer'] };
  const { identityProvider, system } = useOidcSystem(TANAKA);

  /** Another actor's call over the API, with a token from the same identity provider. */
  async function callAs(
    claims: Record<string, unknown>,
    path: string,
    body: unknown,
  ): Promise<Record<string, unknown>> {
    const response = await fetch(`${system.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await identityProvider.tokenFor(claims)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  }

  /** The next write to `path` carries a token the API refuses (401), as after a long lunch; then the dialog's redirect. */
  async function lapseAndSignInAgain(page: Page, path: string, send: () => Promise<void>): Promise<void> {
    await page.route(path, (route) =>
      route.continue({ headers: { ...route.request().headers(), authorization: 'Bearer lapsed' } }),
    );
    await send();
    const dialog = page.getByRole('dialog', { name: 'もう一度サインインしてください' });
    await dialog.waitFor();
    await page.unrouteAll();
    const exchanges = identityProvider.exchanges.length;
    await dialog.getByRole('button', { name: '認証サーバーでサインイン' }).click();
    // The page is left for the identity provider and loaded again on return.
    await within(
      30,
      'the round trip through the identity provider',
      (async () => {
        while (identityProvider.exchanges.length === exchanges)
          await new Promise((resolve) => setTimeout(resolve, 50));
      })(),
    );
    // The code is exchanged while the callback page is still showing: wait until it has sent the officer back.
    await page.waitForURL((url) => !url.pathname.startsWith('/auth/callback'));
    await dialog.waitFor({ state: 'hidden' });
  }

  it('keeps a half-made decision and a budget being typed over the round trip, then sends them', async () => {
    const municipality = {
      sub: 'municipality-032077',
      name: '遠野 花子',
      roles: ['municipality'],
      municipalityCode: TONO,
    };
    const created = await callAs(municipality, '/v1/applications', {
      plan: { ...completePlan(), projectTitle: '遠野の山ぶどうワイン醸造' },
    });
    const id = String(created.id);
    await callAs(municipality, `/v1/applications/${id}/submit`, {});
    await callAs(TANAKA, `/v1/applications/${id}/reviewers`, { reviewerId: 'reviewer-佐藤 一郎' });

    const page = await system.newPage();
    await page.goto(`${system.baseUrl}/`);
    await page.getByRole('button', { name: '認証サーバーでサインイン' }).click();
    await page
      .locator('.site-header__user')
      .getByText(/田中 花子/)
      .waitFor();

    // The decision: reject, with its reason typed out.
    await page.goto(`${system.baseUrl}/officer/applications/${id}`);
    await page.getByRole('heading', { name: '遠野の山ぶどうワイン醸造' }).waitFor();
    await page.getByLabel('不採択とする').check();
    await page.getByLabel('理由').fill('地域資源の活用が具体的でない。');
    await lapseAndSignInAgain(page, '**/v1/applications/*/decision', () =>
      page.getByRole('button', { name: '不採択を決定する' }).click(),
    );
    expect(page.url()).toBe(`${system.baseUrl}/officer/applications/${id}`);
    expect(await page.getByLabel('不採択とする').isChecked()).toBe(true);
    expect(await page.getByLabel('理由').inputValue()).toBe('地域資源の活用が具体的でない。');
    expect(await sessionStorageItem(page, `l10k.kept.decision.${id}.reason`)).toBeNull();
    await page.getByRole('button', { name: '不採択を決定する' }).click();
    await page.getByText('不採択を決定しました。').waitFor();

    // The budget: the page fills its form from a read, which must not overwrite what was typed.
    await page.goto(`${system.baseUrl}/officer/fiscal-years/2025`, { waitUntil: 'networkidle' });
    await page.getByLabel('国費の予算額').fill('750000000');
    await page.getByLabel('受付停止（この年度への提出を受け付けない）').check();
    await lapseAndSignInAgain(page, '**/v1/fiscal-years/*/budget', () =>
      page.getByRole('button', { name: '保存する' }).click(),
    );
    await page.waitForLoadState('networkidle');
    expect(await page.getByLabel('国費の予算額').inputValue()).toBe('750,000,000');
    expect(await page.getByLabel('受付停止（この年度への提出を受け付けない）').isChecked()).toBe(true);
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('予算と受付の設定を保存しました。').waitFor();
    expect(await page.getByTestId('budget-intake').textContent()).toBe('受付停止');
  }, 240_000);
});
