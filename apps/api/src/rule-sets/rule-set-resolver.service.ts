import { Injectable } from '@nestjs/common';
import { AppConfig, InjectConfig } from '@l10k/config';
import { RuleSet, RuleSetUnavailableError, resolveRuleSet } from '@l10k/rules';
import { ProblemException, problem } from '../problem-details';

/** Chooses the rule set of a fiscal year, honouring the operator's switch for provisional fallback. */
@Injectable()
export class RuleSetResolver {
  constructor(@InjectConfig() private readonly config: AppConfig) {}

  forFiscalYear(fiscalYear: number, field: string): { ruleSet: RuleSet; provisional: boolean } {
    try {
      return resolveRuleSet(fiscalYear, { allowProvisional: this.config.provisionalRuleSets });
    } catch (error) {
      if (error instanceof RuleSetUnavailableError) {
        throw new ProblemException(
          problem(
            422,
            `No rule set applies to fiscal year ${fiscalYear}.`,
            [{ field, rule: 'rule_set_available', message: (error as Error).message }],
            'rule-set-unavailable',
          ),
        );
      }
      throw error;
    }
  }
}
