import { useEffect, useState } from 'react';
import { isLeavingForSignIn } from '../auth/session-lapsed-dialog';

/**
 * While `unsent` holds, closing or reloading the tab asks first (the browser's own 「このサイトを
 * 離れますか？」): what was typed and not yet sent would go with the tab. Moving within the app
 * does not ask, nor does the lapsed session's sign-in, which keeps the form for the return.
 */
export function useLeaveGuard(unsent: boolean): void {
  useEffect(() => {
    if (!unsent) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (isLeavingForSignIn()) return;
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsent]);
}

/** Whether any of a form's values is no longer the one it opened with (compared as React compares state). */
export function useChangedSinceOpened(values: readonly unknown[]): boolean {
  const [opened] = useState(values);
  return values.some((value, index) => !Object.is(value, opened[index]));
}
