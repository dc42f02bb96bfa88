/**
 * The errors the rules throw for malformed input. Each carries a stable `code` that the
 * API maps to a status in one place; a rule that is merely broken is never an error but
 * a `RuleIssue` in the calculation.
 */
export abstract class RulesError extends Error {
  abstract readonly code: string;
}

export class RuleSetUnavailableError extends RulesError {
  readonly code = 'rule_set_unavailable';
  constructor(
    readonly fiscalYear: number,
    reason: string,
  ) {
    super(`No rule set applies to fiscal year ${fiscalYear}: ${reason}`);
    this.name = 'RuleSetUnavailableError';
  }
}

export class InvalidDecimalError extends RulesError {
  readonly code = 'invalid_decimal';
  constructor(
    readonly text: string,
    readonly field?: string,
  ) {
    super(`${field ?? 'Value'} must be a plain decimal such as "0.21", got ${JSON.stringify(text)}`);
    this.name = 'InvalidDecimalError';
  }
}

export class InvalidAmountError extends RulesError {
  readonly code = 'invalid_amount';
  constructor(
    readonly field: string,
    readonly value: unknown,
  ) {
    super(`${field} must be a whole number of yen within the safe integer range, got ${String(value)}`);
    this.name = 'InvalidAmountError';
  }
}

export class InvalidDateError extends RulesError {
  readonly code = 'invalid_date';
  constructor(
    readonly text: string,
    readonly field?: string,
  ) {
    super(`${field ?? 'Date'} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(text)}`);
    this.name = 'InvalidDateError';
  }
}

export class InvalidInstantError extends RulesError {
  readonly code = 'invalid_instant';
  constructor(readonly text: string) {
    super(
      `An instant must be ISO-8601 with a time zone offset, e.g. 2025-06-10T23:59:59.999+09:00, got ${JSON.stringify(text)}`,
    );
    this.name = 'InvalidInstantError';
  }
}

export class InvalidRoundIdError extends RulesError {
  readonly code = 'invalid_round_id';
  constructor(readonly text: string) {
    super(`A round id must be YYYY-MM, e.g. 2025-06, got ${JSON.stringify(text)}`);
    this.name = 'InvalidRoundIdError';
  }
}

export class InvalidLocalGovernmentCodeError extends RulesError {
  readonly code = 'invalid_local_government_code';
  constructor(
    readonly text: string,
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidLocalGovernmentCodeError';
  }
}
