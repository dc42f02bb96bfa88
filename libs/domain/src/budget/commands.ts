import type { CommandMetadata } from '../actor';

export interface SetBudget {
  readonly type: 'SetBudget';
  readonly data: {
    readonly fiscalYear: number;
    /** Integer yen ≥ 0. */
    readonly nationalBudget: number;
    readonly intakeOpen: boolean;
  };
  readonly metadata: CommandMetadata;
}

/** The budget side of an adoption; see adoption/decide-adoption.ts. */
export interface CommitNationalShare {
  readonly type: 'CommitNationalShare';
  readonly data: {
    readonly fiscalYear: number;
    readonly applicationId: string;
    /** Integer yen ≥ 0 (0 on the local track: no national subsidy). */
    readonly amount: number;
  };
  readonly metadata: CommandMetadata;
}

export type BudgetCommand = SetBudget | CommitNationalShare;
