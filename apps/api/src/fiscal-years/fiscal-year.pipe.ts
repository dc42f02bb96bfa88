import { Injectable, PipeTransform } from '@nestjs/common';
import { invalidRequest } from '../problem-details';

/** `{fy}` in a path: a four-digit fiscal year from 2000 to 2100. */
@Injectable()
export class FiscalYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100) {
      const message = 'fy must be a fiscal year such as 2025 (令和7年度)';
      throw invalidRequest('fy', 'fiscal_year', message);
    }
    return Number(value);
  }
}
