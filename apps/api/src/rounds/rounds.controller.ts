import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { describeRound, fiscalYearOfRound, parseRoundId, roundOfInstant, fresh } from '@l10k/rules';
import { invalidRequest } from '../problem-details';
import { ProblemResponse } from '../problem-details/problem.response';
import { RuleSetResolver } from '../rule-sets/rule-set-resolver.service';
import { parseInstant } from './instant';
import { RoundResponse } from './round.response';
import { Public } from '../auth/public.decorator';

@ApiTags('rounds')
@Public()
@Controller('v1/rounds')
export class RoundsController {
  constructor(private readonly ruleSets: RuleSetResolver) {}

  @Get('for-instant')
  @ApiOperation({
    summary: 'The intake round a submission at this instant joins (the 10th, 23:59:59.999 JST, inclusive)',
  })
  @ApiQuery({ name: 'at', example: '2025-06-10T23:59:59.999+09:00' })
  @ApiOkResponse({ type: RoundResponse })
  @ApiBadRequestResponse({ type: ProblemResponse })
  forInstant(@Query('at') at: unknown): RoundResponse {
    const instant = parseInstant(at);
    if (!instant) {
      throw invalidRequest(
        'at',
        'iso_instant',
        'at must be an ISO-8601 instant with an offset, e.g. 2025-06-10T23:59:59.999+09:00',
      );
    }
    const round = roundOfInstant(instant);
    // After 9999-12-10 JST the round would be "10000-01", which no round id can write.
    if (!parseRoundId(round))
      throw invalidRequest('at', 'instant_range', 'at must fall in an intake round up to 9999-12');
    return this.describe(round);
  }

  @Get(':round')
  @ApiOperation({ summary: 'An intake round: its fiscal year, deadline and decision due date' })
  @ApiOkResponse({ type: RoundResponse })
  @ApiBadRequestResponse({ type: ProblemResponse })
  get(@Param('round') round: string): RoundResponse {
    const roundId = parseRoundId(round);
    if (!roundId) throw invalidRequest('round', 'round_id', 'round must be written YYYY-MM, e.g. 2025-06');
    return this.describe(roundId);
  }

  private describe(round: string): RoundResponse {
    const { ruleSet, provisional } = this.ruleSets.forFiscalYear(fiscalYearOfRound(round), 'round');
    return { ...fresh, ...describeRound(round, ruleSet), ruleSetId: ruleSet.id, provisional };
  }
}
