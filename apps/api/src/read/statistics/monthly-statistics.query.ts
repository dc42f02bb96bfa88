/** Per intake round of a fiscal year: what was submitted and decided, and the grants. */
export class MonthlyStatisticsQuery {
  constructor(readonly fiscalYear: number) {}
}
