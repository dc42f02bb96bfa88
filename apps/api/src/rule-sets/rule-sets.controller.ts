import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { findRuleSet, ruleSets } from '@l10k/rules';
import { ProblemException, problem } from '../problem-details';
import { ProblemResponse } from '../problem-details/problem.response';
import { Public } from '../auth/public.decorator';
import { decodeCursor, encodeCursor } from '../read/paging/keyset-cursor';
import { DEFAULT_PAGE_SIZE, PageQueryDto } from '../read/paging/page-query.dto';
import { RuleSetView, RuleSetsPageView, ruleSetView } from '../views/rule-set.view';

/** A page ends at a rule set's id: key and tie-breaker both, in the registry's order (oldest first). */
const isRuleSetId = (id: string): boolean => findRuleSet(id) !== undefined;

@ApiTags('rule-sets')
@Public()
@Controller('v1/rule-sets')
export class RuleSetsController {
  @Get()
  @ApiOperation({ summary: 'Every rule set, as data, oldest first' })
  @ApiOkResponse({ type: RuleSetsPageView })
  list(@Query() page: PageQueryDto): RuleSetsPageView {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const after =
      page.cursor === undefined ? undefined : decodeCursor(page.cursor, isRuleSetId, isRuleSetId).id;
    const start = after === undefined ? 0 : ruleSets.findIndex(({ id }) => id === after) + 1;
    const items = ruleSets.slice(start, start + limit).map(ruleSetView);
    const last = items.at(-1);
    return {
      items,
      nextCursor:
        start + limit < ruleSets.length && last ? encodeCursor({ key: last.id, id: last.id }) : null,
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One rule set by id, e.g. FY2025-v1' })
  @ApiOkResponse({ type: RuleSetView })
  @ApiNotFoundResponse({ type: ProblemResponse })
  get(@Param('id') id: string): RuleSetView {
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
    return ruleSetView(ruleSet);
  }
}
