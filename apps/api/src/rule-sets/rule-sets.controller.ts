import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RuleSet, findRuleSet, ruleSets } from '@l10k/rules';
import { ProblemException, problem } from '../problem-details';
import { ProblemResponse } from '../problem-details/problem.response';
import { Public } from '../auth/public.decorator';

@ApiTags('rule-sets')
@Public()
@Controller('v1/rule-sets')
export class RuleSetsController {
  @Get()
  @ApiOperation({ summary: 'Every rule set, as data' })
  @ApiOkResponse({ description: '`{ items: RuleSet[] }`' })
  list(): { items: readonly RuleSet[] } {
    return { items: ruleSets };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One rule set by id, e.g. FY2025-v1' })
  @ApiNotFoundResponse({ type: ProblemResponse })
  get(@Param('id') id: string): RuleSet {
    const ruleSet = findRuleSet(id);
    if (!ruleSet) {
      throw new ProblemException(
        problem(
          404,
          `There is no rule set "${id}".`,
          [
            {
              field: 'id',
              rule: 'rule_set_exists',
              message: `known: ${ruleSets.map((set) => set.id).join(', ')}`,
            },
          ],
          'not-found',
        ),
      );
    }
    return ruleSet;
  }
}
