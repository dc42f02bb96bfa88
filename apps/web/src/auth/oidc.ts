import type { Session } from './session';

/*
 * Authorisation code flow with PKCE (RFC 7636) against OIDC_ISSUER, as a public client:
 * no client secret in the browser. The verifier and state live in sessionStorage only for
 * the round trip to the identity provider.
 */
export interface OidcClient {
  readonly issuer: string;
  readonly clientId: string;
}

const PENDING_KEY = 'l10k.oidc.pending';

interface Pending {
  readonly state: string;
  readonly verifier: string;
  readonly returnTo: string;
}

interface Discovery {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(issuer: string): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OIDC discovery answered ${response.status}`);
  return (await response.json()) as Discovery;
}

function redirectUri(): string {
  return `${window.location.origin}/auth/callback`;
}

export async function startOidcSignIn(client: OidcClient, returnTo: string): Promise<void> {
  const { authorization_endpoint } = await discover(client.issuer);
  const verifier = randomToken();
  const challenge = base64Url(
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
  );
  const pending: Pending = { state: randomToken(), verifier, returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid profile',
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = new TextDecoder().decode(
    Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0)),
  );
  return JSON.parse(json) as Record<string, unknown>;
}

/** On /auth/callback: checks the state, trades the code for tokens, and returns the session and where to go. */
export async function completeOidcSignIn(
  client: OidcClient,
  search: string,
): Promise<{ session: Session; returnTo: string }> {
  const params = new URLSearchParams(search);
  const stored = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = stored ? (JSON.parse(stored) as Pending) : null;
  if (params.get('error'))
    throw new Error(`認証サーバーがサインインを拒否しました（${params.get('error')}）`);
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state)
    throw new Error('サインインの応答を確認できませんでした。');
  const { token_endpoint } = await discover(client.issuer);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri(),
      client_id: client.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) throw new Error(`トークンを取得できませんでした（${response.status}）`);
  const { access_token: token } = (await response.json()) as { access_token: string };
  const claims = claimsOf(token);
  return {
    session: {
      token,
      name: String(claims.name ?? claims.sub ?? ''),
      roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
      municipalityCode: typeof claims.municipalityCode === 'string' ? claims.municipalityCode : undefined,
    },
    returnTo: pending.returnTo,
  };
}
