import type { PipeTransform } from '@nestjs/common';
import { invalidRequest } from '../problem-details';

/** A fiscal year in a path or query: four digits, 2000 to 2100 (used as an instance, naming its field). */
export class FiscalYearPipe implements PipeTransform<string | undefined, number> {
  constructor(private readonly field = 'fy') {}

  transform(value: string | undefined): number {
    if (value === undefined || !/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
      throw invalidRequest(
        this.field,
        'fiscal_year',
        `${this.field} must be a fiscal year such as 2025 (令和7年度)`,
      );
    }
    return Number(value);
  }
}
