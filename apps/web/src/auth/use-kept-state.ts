import { useEffect, useState } from 'react';
import { onLeavingToSignIn } from './session-lapsed-dialog';

/** What a form held before the sign-in redirect, taken out of sessionStorage (once). */
function takeKept<T>(storageKey: string): { readonly value: T } | undefined {
  const kept = sessionStorage.getItem(storageKey);
  if (kept === null) return undefined;
  sessionStorage.removeItem(storageKey);
  try {
    return { value: JSON.parse(kept) as T };
  } catch {
    return undefined;
  }
}

/**
 * Form state that survives a lapsed session's sign-in redirect (OIDC leaves the page): kept in
 * sessionStorage just before leaving, taken back once when the form opens again. The third
 * value says whether it was taken back, so a screen that fills its form from a read does not
 * overwrite what was typed.
 */
export function useKeptState<T>(
  key: string,
  initial: () => T,
): [T, (next: T | ((previous: T) => T)) => void, boolean] {
  const storageKey = `l10k.kept.${key}`;
  const [restored] = useState(() => takeKept<T>(storageKey));
  const [state, setState] = useState<T>(() => (restored ? restored.value : initial()));
  useEffect(
    () => onLeavingToSignIn(() => sessionStorage.setItem(storageKey, JSON.stringify(state))),
    [storageKey, state],
  );
  return [state, setState, restored !== undefined];
}
