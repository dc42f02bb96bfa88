import { useSyncExternalStore } from 'react';

/* The browser's own history: a handful of screens need no routing library. */
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.scrollTo(0, 0);
  notify();
}

export function useLocation(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => window.location.pathname + window.location.search,
  );
}

export type Route =
  | { readonly screen: 'sign-in' }
  | { readonly screen: 'oidc-callback' }
  | { readonly screen: 'my-applications' }
  | { readonly screen: 'edit-application'; readonly id: string }
  | { readonly screen: 'application'; readonly id: string }
  | { readonly screen: 'not-found' };

export function routeOf(location: string): Route {
  const path = location.split('?')[0].replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/applications') return { screen: 'my-applications' };
  if (path === '/sign-in') return { screen: 'sign-in' };
  if (path === '/auth/callback') return { screen: 'oidc-callback' };
  const edit = /^\/applications\/([0-9a-f-]{36})\/edit$/i.exec(path);
  if (edit) return { screen: 'edit-application', id: edit[1] };
  const view = /^\/applications\/([0-9a-f-]{36})$/i.exec(path);
  if (view) return { screen: 'application', id: view[1] };
  return { screen: 'not-found' };
}

/** An in-app link: a real <a href> (keyboard, new tab) that navigates without reloading. */
export function linkHandler(path: string) {
  return (event: { preventDefault(): void; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; button: number }) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(path);
  };
}
