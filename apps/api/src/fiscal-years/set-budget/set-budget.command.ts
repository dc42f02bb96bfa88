import type { WriteRequest } from '../../write/write-request';
import type { SetBudgetDto } from './set-budget.dto';

export class SetBudgetCommand {
  constructor(
    readonly fiscalYear: number,
    readonly request: WriteRequest,
    readonly body: SetBudgetDto,
  ) {}
}
