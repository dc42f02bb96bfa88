import { currentFiscalYear } from '../../navigation/nav-links';

/** 令和7年度（2025年度）: 令和 began in 2019, its first year. */
export function fiscalYearLabel(fiscalYear: number): string {
  return `令和${fiscalYear - 2018}年度（${fiscalYear}年度）`;
}

/** The years an auditor picks from: this one and the four before it, newest first. */
export function recentFiscalYears(now: Date): number[] {
  const current = currentFiscalYear(now);
  return [0, 1, 2, 3, 4].map((back) => current - back);
}

/** ?fiscalYear=2025 in the address, or this fiscal year. */
export function fiscalYearInAddress(now: Date): number {
  const asked = Number(new URLSearchParams(window.location.search).get('fiscalYear'));
  return Number.isInteger(asked) && asked >= 2019 && asked <= 2100 ? asked : currentFiscalYear(now);
}
