/** 令和7年度（2025年度）: 令和 began in 2019, its first year. */
export function fiscalYearLabel(fiscalYear: number): string {
  return `令和${fiscalYear - 2018}年度（${fiscalYear}年度）`;
}
