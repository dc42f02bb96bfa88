import { useSyncExternalStore } from 'react';
import type { Role } from './navigation/roles';

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

export type { Role };

export type Route =
  | { readonly screen: 'sign-in' }
  | { readonly screen: 'oidc-callback' }
  | { readonly screen: 'home' }
  | { readonly screen: 'my-applications' }
  | { readonly screen: 'edit-application'; readonly id: string }
  | { readonly screen: 'application'; readonly id: string }
  | { readonly screen: 'grant-application'; readonly id: string }
  | { readonly screen: 'plan-change'; readonly id: string }
  | { readonly screen: 'performance-report'; readonly id: string }
  | { readonly screen: 'review-queue' }
  | { readonly screen: 'review'; readonly id: string }
  | { readonly screen: 'round-dashboard'; readonly fiscalYear?: number }
  | { readonly screen: 'officer-application'; readonly id: string }
  | { readonly screen: 'fiscal-year'; readonly fiscalYear: number }
  | { readonly screen: 'audit-applications' }
  | { readonly screen: 'audit-application'; readonly id: string }
  | { readonly screen: 'audit-statistics' }
  | { readonly screen: 'audit-downloads' }
  | { readonly screen: 'awards' }
  | { readonly screen: 'overdue-awards' }
  | { readonly screen: 'award'; readonly id: string }
  | { readonly screen: 'local-reports' }
  | { readonly screen: 'local-report'; readonly id: string }
  | { readonly screen: 'not-found' };

/**
 * Who may open each screen: 'public' before sign-in, 'signed-in' for anyone, or the roles
 * (a person holding any one of them may). A new route must say, or the type check fails.
 */
export const SCREEN_ACCESS: Record<Route['screen'], 'public' | 'signed-in' | readonly Role[]> = {
  'sign-in': 'public',
  'oidc-callback': 'public',
  home: 'signed-in',
  'not-found': 'signed-in',
  'my-applications': ['municipality'],
  'edit-application': ['municipality'],
  application: ['municipality'],
  'grant-application': ['municipality'],
  'plan-change': ['municipality'],
  'performance-report': ['municipality'],
  'review-queue': ['reviewer'],
  review: ['reviewer'],
  'round-dashboard': ['program_officer'],
  'officer-application': ['program_officer'],
  'fiscal-year': ['program_officer'],
  awards: ['program_officer'],
  'overdue-awards': ['program_officer'],
  award: ['program_officer'],
  'local-reports': ['program_officer'],
  'local-report': ['program_officer'],
  'audit-applications': ['auditor'],
  'audit-application': ['auditor'],
  'audit-statistics': ['auditor'],
  'audit-downloads': ['auditor'],
};

export function mayOpen(route: Route, roles: readonly string[]): boolean {
  const access = SCREEN_ACCESS[route.screen];
  return typeof access === 'string' || access.some((role) => roles.includes(role));
}

const UUID = '([0-9a-f-]{36})';

export function routeOf(location: string): Route {
  const [pathname, search = ''] = location.split('?');
  const path = pathname.replace(/\/+$/, '') || '/';
  const query = new URLSearchParams(search);
  if (path === '/') return { screen: 'home' };
  if (path === '/applications') return { screen: 'my-applications' };
  if (path === '/sign-in') return { screen: 'sign-in' };
  if (path === '/auth/callback') return { screen: 'oidc-callback' };
  if (path === '/reviews') return { screen: 'review-queue' };
  const review = new RegExp(`^/reviews/${UUID}$`, 'i').exec(path);
  if (review) return { screen: 'review', id: review[1] };
  if (path === '/officer/rounds') {
    const fiscalYear = Number(query.get('fiscalYear'));
    return {
      screen: 'round-dashboard',
      ...(Number.isInteger(fiscalYear) && fiscalYear > 2000 ? { fiscalYear } : {}),
    };
  }
  const officerApplication = new RegExp(`^/officer/applications/${UUID}$`, 'i').exec(path);
  if (officerApplication) return { screen: 'officer-application', id: officerApplication[1] };
  const fiscalYear = /^\/officer\/fiscal-years\/(\d{4})$/.exec(path);
  if (fiscalYear) return { screen: 'fiscal-year', fiscalYear: Number(fiscalYear[1]) };
  if (path === '/audit/applications') return { screen: 'audit-applications' };
  const audited = new RegExp(`^/audit/applications/${UUID}$`, 'i').exec(path);
  if (audited) return { screen: 'audit-application', id: audited[1] };
  if (path === '/audit/statistics') return { screen: 'audit-statistics' };
  if (path === '/audit/downloads') return { screen: 'audit-downloads' };
  if (path === '/awards') return { screen: 'awards' };
  if (path === '/awards/overdue') return { screen: 'overdue-awards' };
  const award = new RegExp(`^/awards/${UUID}$`, 'i').exec(path);
  if (award) return { screen: 'award', id: award[1] };
  if (path === '/local-track') return { screen: 'local-reports' };
  const localReport = new RegExp(`^/local-track/${UUID}$`, 'i').exec(path);
  if (localReport) return { screen: 'local-report', id: localReport[1] };
  const edit = /^\/applications\/([0-9a-f-]{36})\/edit$/i.exec(path);
  if (edit) return { screen: 'edit-application', id: edit[1] };
  const step = /^\/applications\/([0-9a-f-]{36})\/(grant-application|plan-change|performance-report)$/i.exec(
    path,
  );
  if (step)
    return { screen: step[2] as 'grant-application' | 'plan-change' | 'performance-report', id: step[1] };
  const view = /^\/applications\/([0-9a-f-]{36})$/i.exec(path);
  if (view) return { screen: 'application', id: view[1] };
  return { screen: 'not-found' };
}

/** An in-app link: a real <a href> (keyboard, new tab) that navigates without reloading. */
export function linkHandler(path: string) {
  return (event: {
    preventDefault(): void;
    metaKey: boolean;
    ctrlKey: boolean;
    shiftKey: boolean;
    button: number;
  }) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(path);
  };
}
