import { useEffect, useState } from 'react';
import { onLeavingToSignIn } from '../../auth/session-lapsed-dialog';

/**
 * Form state that survives a lapsed session's sign-in redirect (OIDC leaves the page): kept in
 * sessionStorage just before leaving, taken back once when the form opens again.
 */
export function useKeptState<T>(
  key: string,
  initial: () => T,
): [T, (next: T | ((previous: T) => T)) => void] {
  const storageKey = `l10k.kept.${key}`;
  const [state, setState] = useState<T>(() => {
    const kept = sessionStorage.getItem(storageKey);
    if (kept === null) return initial();
    sessionStorage.removeItem(storageKey);
    try {
      return JSON.parse(kept) as T;
    } catch {
      return initial();
    }
  });
  useEffect(
    () => onLeavingToSignIn(() => sessionStorage.setItem(storageKey, JSON.stringify(state))),
    [storageKey, state],
  );
  return [state, setState];
}
