import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import type { LocalAssessments } from '@l10k/domain';
import { AssessmentDto } from '../../applications/dto/submit-review.dto';

/** A verdict on each of the local track's four requirements (no model_case). */
export class LocalAssessmentsDto {
  @ApiProperty({ type: AssessmentDto, description: '地域密着型・地域資源の活用' })
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentDto)
  local_resources: AssessmentDto;

  @ApiProperty({ type: AssessmentDto, description: '地域課題への対応' })
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentDto)
  public_challenge: AssessmentDto;

  @ApiProperty({ type: AssessmentDto, description: '融資、クラウドファンディング等' })
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentDto)
  regional_financing: AssessmentDto;

  @ApiProperty({ type: AssessmentDto, description: '新規性' })
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentDto)
  novelty: AssessmentDto;
}

/** Plain data for the domain: the four verdicts, nothing else. */
export const toLocalAssessments = (dto: LocalAssessmentsDto): LocalAssessments => ({
  local_resources: { met: dto.local_resources.met, comment: dto.local_resources.comment },
  public_challenge: { met: dto.public_challenge.met, comment: dto.public_challenge.comment },
  regional_financing: { met: dto.regional_financing.met, comment: dto.regional_financing.comment },
  novelty: { met: dto.novelty.met, comment: dto.novelty.comment },
});
