import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { checkLocalGovernmentCode, findLocalGovernment, searchLocalGovernments } from '@l10k/rules';
import { Public } from '../auth/public.decorator';
import { ProblemException, invalidRequest, problem } from '../problem-details';
import { ProblemResponse } from '../problem-details/problem.response';
import { ListMunicipalitiesQuery } from './list-municipalities.query';
import { MunicipalityListView, MunicipalityView, municipalityView } from './municipality.view';

const DEFAULT_LIMIT = 20;

/** Reference data (MIC 全国地方公共団体コード): public, like the rule sets and rounds. */
@ApiTags('municipalities')
@Public()
@Controller('v1/municipalities')
export class MunicipalitiesController {
  @Get()
  @ApiOperation({
    summary: 'Local governments by name, reading or code, in code order, a page at a time',
    description: 'Without `q`, every local government. The cursor is the last code of the previous page.',
  })
  @ApiOkResponse({ type: MunicipalityListView })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'A bad limit or cursor, named' })
  list(@Query() query: ListMunicipalitiesQuery): MunicipalityListView {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const found = searchLocalGovernments(query.q ?? '');
    const after = query.cursor;
    const rest = after === undefined ? found : found.filter((lg) => lg.code > after);
    const page = rest.slice(0, limit);
    return {
      items: page.map(municipalityView),
      nextCursor: rest.length > limit ? page[page.length - 1].code : null,
    };
  }

  @Get(':code')
  @ApiOperation({ summary: 'One local government by its 6-digit code, e.g. 032077 (久慈市)' })
  @ApiParam({ name: 'code', example: '032077' })
  @ApiOkResponse({ type: MunicipalityView })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'Not 6 digits, or a wrong check digit' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'A well-formed code no local government has' })
  get(@Param('code') code: string): MunicipalityView {
    const check = checkLocalGovernmentCode(code);
    if (!check.valid) throw invalidRequest('code', 'local_government_code', check.reason);
    const found = findLocalGovernment(code);
    if (!found) {
      const message = `No local government has the code ${code} in MIC's 全国地方公共団体コード.`;
      throw new ProblemException(
        problem(404, message, [{ field: 'code', rule: 'local_government_exists', message }], 'not-found'),
      );
    }
    return municipalityView(found);
  }
}
