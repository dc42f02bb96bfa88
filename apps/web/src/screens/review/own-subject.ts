import { sessions } from '../../auth/session';

/**
 * The signed-in person's `sub`, read from their own token's claims (the API verified them;
 * the screen only uses it to find "my" entry among an application's reviewers).
 */
export function ownSubject(): string | undefined {
  const token = sessions.current()?.token;
  const payload = token?.split('.')[1];
  if (!payload) return undefined;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims: unknown = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))),
    );
    const sub = (claims as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}
