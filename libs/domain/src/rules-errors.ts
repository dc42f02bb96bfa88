import { RulesError, RuleSetUnavailableError } from '@l10k/rules';
import type { Checked } from './decision';
import { domainError } from './errors';

/**
 * The rules throw for malformed input only (a fractional yen, an FSI that is no decimal,
 * a bad instant) and when no rule set applies; a decider answers those as refusals.
 */
export const guardRules = <Value>(compute: () => Checked<Value>): Checked<Value> => {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RuleSetUnavailableError) {
      return { ok: false, error: domainError('rule_set_unavailable', error.message) };
    }
    if (error instanceof RulesError)
      return { ok: false, error: domainError('invalid_command', error.message) };
    throw error;
  }
};
