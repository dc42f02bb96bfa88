import { useEffect, useState } from 'react';
import { navigate } from '../router';
import { completeOidcSignIn } from './oidc';
import { sessions } from './session';
import { loadWebConfig } from './web-config';

export function OidcCallbackPage() {
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    loadWebConfig()
      .then((config) => {
        if (!config.oidc) throw new Error('OIDC is not configured');
        return completeOidcSignIn(config.oidc, window.location.search);
      })
      .then(({ session, returnTo }) => {
        sessions.signIn(session);
        navigate(returnTo, { replace: true });
      })
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, []);
  return (
    <main id="main" className="page page--narrow">
      <h1>サインイン</h1>
      {failure ? (
        <div className="error-summary" role="alert">
          <p>{failure}</p>
          <a href="/sign-in">もう一度サインインする</a>
        </div>
      ) : (
        <p>サインインしています…</p>
      )}
    </main>
  );
}
