import { useState } from 'react';
import { navigate } from '../router';
import { DevSignInForm } from './dev-sign-in-form';
import { startOidcSignIn } from './oidc';
import { useWebConfig } from './web-config';
import { FailureAlert } from '../ui/failure-alert';

export function SignInPage() {
  const config = useWebConfig();
  const [failure, setFailure] = useState<string>();
  return (
    <main id="main" className="page page--narrow">
      <h1>サインイン</h1>
      <p>ローカル10,000プロジェクト（地域経済循環創造事業交付金）の申請・審査システムです。</p>
      {!config && <p>読み込み中…</p>}
      {config?.authMode === 'dev' && (
        <>
          <p className="notice">開発用のサインインです。役割と団体を選んでください。</p>
          <DevSignInForm onSignedIn={() => navigate('/', { replace: true })} />
        </>
      )}
      {config?.authMode === 'oidc' && config.oidc && (
        <>
          <FailureAlert message={failure} />
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              startOidcSignIn(config.oidc!, '/').catch(() =>
                setFailure('認証サーバーに接続できませんでした。'),
              );
            }}
          >
            認証サーバーでサインイン
          </button>
        </>
      )}
    </main>
  );
}
