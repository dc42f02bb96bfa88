import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ApplicationIdPipe } from '../params/uuid.pipe';
import { ProblemResponse } from '../problem-details/problem.response';
import { AmountConfirmationPreviewView } from '../views/amount-confirmation-preview.view';
import { AmountConfirmationPreview } from './amount-confirmation-preview';
import { AmountConfirmationDto } from './dto/amount-confirmation.dto';

@ApiTags('after adoption')
@Controller('v1/applications')
export class AmountConfirmationPreviewController {
  constructor(private readonly preview: AmountConfirmationPreview) {}

  @Post(':id/amount-confirmation/preview')
  @HttpCode(200)
  @Roles('program_officer')
  @ApiOperation({
    summary:
      '額の確定, previewed: what confirming now would fix (the same body as the confirmation); nothing is recorded',
  })
  @ApiOkResponse({ type: AmountConfirmationPreviewView })
  @ApiBadRequestResponse({ type: ProblemResponse, description: 'A field is malformed; each in errors[]' })
  @ApiNotFoundResponse({ type: ProblemResponse, description: 'No such application' })
  @ApiConflictResponse({
    type: ProblemResponse,
    description: 'The application is not at 額の確定 (reported, or confirmed for a correction)',
  })
  @ApiUnprocessableEntityResponse({
    type: ProblemResponse,
    description: 'A given grant is not lower than computed',
  })
  of(
    @Param('id', ApplicationIdPipe) applicationId: string,
    @Body() body: AmountConfirmationDto,
    @CurrentActor() principal: Principal,
  ): Promise<AmountConfirmationPreviewView> {
    return this.preview.of(applicationId, body, principal);
  }
}
