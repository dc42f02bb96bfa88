import { ROLE_LABELS, label } from '../messages/labels';
import { linkHandler } from '../router';
import { linksFor } from './nav-links';

/** A direct URL to a screen the person's roles may not open: say so plainly and offer theirs. */
export function ForbiddenPage({ roles }: { roles: readonly string[] }) {
  const links = linksFor(roles);
  return (
    <main id="main" className="page">
      <h1>この画面を利用する権限がありません</h1>
      <p>
        現在の役割（{roles.map((role) => label(ROLE_LABELS, role)).join('・')}
        ）では、この画面を開くことはできません。必要な場合は、権限を持つ役割でサインインし直してください。
      </p>
      {links.length > 0 && (
        <>
          <h2>利用できる画面</h2>
          <ul>
            {links.map((link) => (
              <li key={link.path}>
                <a href={link.path} onClick={linkHandler(link.path)}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}
