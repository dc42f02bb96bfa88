import { useEffect, useRef, useSyncExternalStore } from 'react';
import { DevSignInForm } from './dev-sign-in-form';
import { startOidcSignIn } from './oidc';
import { useSession } from './session';
import { useWebConfig } from './web-config';

/** Set once the OIDC redirect is under way: the page is left on purpose, its forms kept. */
let leavingForSignIn = false;
export const isLeavingForSignIn = (): boolean => leavingForSignIn;

/** Subscribers save what they hold before an OIDC redirect leaves the page. */
const beforeLeaving = new Set<() => void>();
export function onLeavingToSignIn(save: () => void): () => void {
  beforeLeaving.add(save);
  return () => beforeLeaving.delete(save);
}

/**
 * What a screen will do once signed in again (the review form sends the review it was sending),
 * said in the dialog itself: a note on the screen underneath is hidden by it.
 */
let afterSignIn: string | undefined;
const noteListeners = new Set<() => void>();
const subscribeToNote = (listener: () => void) => {
  noteListeners.add(listener);
  return () => noteListeners.delete(listener);
};
const setAfterSignIn = (note: string | undefined) => {
  afterSignIn = note;
  for (const listener of noteListeners) listener();
};

/** Says `note` in the session dialog while it is given and the calling screen is shown. */
export function useAfterSignInNote(note: string | undefined): void {
  useEffect(() => {
    setAfterSignIn(note);
    return () => setAfterSignIn(undefined);
  }, [note]);
}

/**
 * A 401 on a signed-in request opens this over the screen: sign in again and carry on. The
 * screen underneath keeps its state (in dev mode nothing navigates; before an OIDC redirect the
 * open form is kept in sessionStorage and restored on return).
 */
export function SessionLapsedDialog() {
  const { session, lapsed } = useSession();
  const config = useWebConfig();
  const dialog = useRef<HTMLDialogElement>(null);
  const note = useSyncExternalStore(subscribeToNote, () => afterSignIn);
  useEffect(() => {
    if (lapsed && !dialog.current?.open) dialog.current?.showModal();
    if (!lapsed && dialog.current?.open) dialog.current.close();
  }, [lapsed]);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="lapsed-title"
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id="lapsed-title">もう一度サインインしてください</h2>
      <p>
        サインインの有効期限が切れました。入力中の内容はこの画面に残っています。
        {note ?? 'サインインすると続きから作業できます。'}
      </p>
      {lapsed && config?.authMode === 'dev' && (
        <DevSignInForm initial={session} onSignedIn={() => undefined} />
      )}
      {lapsed && config?.authMode === 'oidc' && config.oidc && (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            for (const save of beforeLeaving) save();
            leavingForSignIn = true;
            startOidcSignIn(config.oidc!, window.location.pathname).catch(() => (leavingForSignIn = false));
          }}
        >
          認証サーバーでサインイン
        </button>
      )}
    </dialog>
  );
}
