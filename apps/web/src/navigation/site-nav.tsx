import { linkHandler, useLocation } from '../router';
import { linksFor } from './nav-links';

/** Only the screens the signed-in person's roles may open; the current one is marked for screen readers. */
export function SiteNav({ roles }: { roles: readonly string[] }) {
  const location = useLocation();
  const links = linksFor(roles);
  if (links.length === 0) return null;
  const path = location.split('?')[0];
  return (
    <nav className="site-nav" aria-label="業務メニュー">
      <ul className="site-nav__list">
        {links.map((link) => {
          const current = path === link.path || path.startsWith(`${link.path}/`);
          return (
            <li key={link.path}>
              <a
                href={link.path}
                onClick={linkHandler(link.path)}
                aria-current={current ? 'page' : undefined}
                className="site-nav__link"
              >
                {link.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
