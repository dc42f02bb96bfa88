import { useEffect, useRef } from 'react';
import { DevSignInForm } from './dev-sign-in-form';
import { startOidcSignIn } from './oidc';
import { useSession } from './session';
import { useWebConfig } from './web-config';

/** Subscribers save what they hold before an OIDC redirect leaves the page. */
const beforeLeaving = new Set<() => void>();
export function onLeavingToSignIn(save: () => void): () => void {
  beforeLeaving.add(save);
  return () => beforeLeaving.delete(save);
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
        サインインの有効期限が切れました。入力中の内容はこの画面に残っています。サインインすると続きから作業できます。
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
            void startOidcSignIn(config.oidc!, window.location.pathname);
          }}
        >
          認証サーバーでサインイン
        </button>
      )}
    </dialog>
  );
}
