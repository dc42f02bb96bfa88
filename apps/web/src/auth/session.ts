import { useSyncExternalStore } from 'react';

/** Who is signed in, as the token says (GET /v1/auth/me answers the same). */
export interface Session {
  readonly token: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly municipalityCode?: string;
  /** As the registry names it (岩手県 久慈市), when chosen from it. */
  readonly municipalityName?: string;
}

interface SessionState {
  readonly session: Session | null;
  /** The API answered 401 to a signed-in request: the token lapsed, the screen stays as it is. */
  readonly lapsed: boolean;
}

/*
 * The token lives in memory and in sessionStorage (this tab only, gone when it closes), never
 * in a cookie: no other site's request can carry it.
 */
const STORAGE_KEY = 'l10k.session';

function restore(): Session | null {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return stored ? (JSON.parse(stored) as Session) : null;
  } catch {
    return null;
  }
}

let state: SessionState = { session: restore(), lapsed: false };
const listeners = new Set<() => void>();

function update(next: SessionState): void {
  state = next;
  if (next.session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next.session));
  else sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener();
}

export const sessions = {
  current: (): Session | null => state.session,
  signIn(session: Session): void {
    update({ session, lapsed: false });
  },
  signOut(): void {
    update({ session: null, lapsed: false });
  },
  /** Keeps who it was (to sign the same person in again) but marks the token unusable. */
  lapse(): void {
    if (state.session && !state.lapsed) update({ ...state, lapsed: true });
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  snapshot: (): SessionState => state,
};

export function useSession(): SessionState {
  return useSyncExternalStore(sessions.subscribe, sessions.snapshot);
}
