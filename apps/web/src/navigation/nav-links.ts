import { tokyoDay } from '../format/dates';
import type { Role } from './roles';

export interface NavLink {
  readonly path: string;
  readonly label: string;
  /** A person holding any one of these sees the link (the screen's own access rule, router.ts). */
  readonly roles: readonly Role[];
}

/** The fiscal year (April–March, Japan time) that today falls in. */
export function currentFiscalYear(now = new Date()): number {
  const [year, month] = tokyoDay(now).split('-').map(Number);
  return month >= 4 ? year : year - 1;
}

/** Every screen a role starts from, in the order the header lists them; the first one a person may use is their home. */
export function navLinks(): readonly NavLink[] {
  return [
    { path: '/applications', label: '申請一覧', roles: ['municipality'] },
    { path: '/reviews', label: '審査一覧', roles: ['reviewer'] },
    { path: '/officer/rounds', label: '締切回の状況', roles: ['program_officer'] },
    {
      path: `/officer/fiscal-years/${currentFiscalYear()}`,
      label: '年度予算・受付',
      roles: ['program_officer'],
    },
    { path: '/awards', label: '交付手続', roles: ['program_officer'] },
    { path: '/local-track', label: '地方単独事業の報告', roles: ['program_officer'] },
    { path: '/audit/applications', label: '申請の検索・履歴', roles: ['auditor'] },
    { path: '/audit/statistics', label: '月別の統計', roles: ['auditor'] },
    { path: '/audit/downloads', label: 'ダウンロード・整合性の検証', roles: ['auditor'] },
  ];
}

export function linksFor(roles: readonly string[]): readonly NavLink[] {
  return navLinks().filter((link) => link.roles.some((role) => roles.includes(role)));
}
