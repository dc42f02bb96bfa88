/** Sets the year's national budget and opens or closes intake, in one event. */
export interface FiscalYearBudgetSet {
  readonly type: 'FiscalYearBudgetSet';
  readonly data: {
    readonly fiscalYear: number;
    readonly nationalBudget: number;
    readonly intakeOpen: boolean;
    readonly setAt: string;
    readonly setBy: string;
  };
}

export interface NationalShareCommitted {
  readonly type: 'NationalShareCommitted';
  readonly data: {
    readonly fiscalYear: number;
    readonly applicationId: string;
    readonly amount: number;
    readonly committedAt: string;
    readonly committedBy: string;
  };
}

interface BookingOf<Type extends string, Data> {
  readonly type: Type;
  readonly data: Readonly<
    { fiscalYear: number; applicationId: string; bookedAt: string; bookedBy: string } & Data
  >;
}

/** 交付決定: the decided national share; the commitment drops to it, `released` returns. */
export type NationalShareDecided = BookingOf<'NationalShareDecided', { decided: number; released: number }>;
/** 額の確定 (or a correction): the confirmed share; the commitment drops to it. */
export type NationalShareConfirmed = BookingOf<
  'NationalShareConfirmed',
  {
    confirmed: number;
    /** The share an earlier confirmation of it had set (0 the first time): a correction replaces it. */
    previouslyConfirmed: number;
    released: number;
    refundDue: number;
  }
>;
/** An approved abandonment releases the whole commitment. */
export type NationalShareReleased = BookingOf<
  'NationalShareReleased',
  { released: number; reason: 'abandonment' }
>;
export type NationalSharePaid = BookingOf<'NationalSharePaid', { amount: number; paidOn: string }>;

export type BudgetEvent =
  | FiscalYearBudgetSet
  | NationalShareCommitted
  | NationalShareDecided
  | NationalShareConfirmed
  | NationalShareReleased
  | NationalSharePaid;
