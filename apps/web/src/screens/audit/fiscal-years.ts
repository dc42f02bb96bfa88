import { fiscalYearLabel } from '../../format/fiscal-year';
import { currentFiscalYear } from '../../navigation/nav-links';
import type { SelectChoice } from '../../ui/select-field';

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

/** The year picker's choices: the recent years and the one shown (an older one from the address), newest first. */
export function fiscalYearChoices(shown: number, now: Date): SelectChoice[] {
  return [...new Set([shown, ...recentFiscalYears(now)])]
    .sort((a, b) => b - a)
    .map((year) => ({ value: year, label: fiscalYearLabel(year) }));
}
