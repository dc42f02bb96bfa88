import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { RECOMMENDATIONS, Recommendation, type Assessments } from '@l10k/domain';

export class AssessmentDto {
  @ApiProperty()
  @IsBoolean()
  met: boolean;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  comment: string;
}

/** One entry per requirement of the application's track; the decider checks which are needed. */
export class AssessmentsDto {
  @ApiPropertyOptional({ type: AssessmentDto, description: '地域密着型・地域資源の活用' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentDto)
  local_resources?: AssessmentDto;

  @ApiPropertyOptional({ type: AssessmentDto, description: '地域課題への対応' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentDto)
  public_challenge?: AssessmentDto;

  @ApiPropertyOptional({ type: AssessmentDto, description: '地域金融機関等による融資' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentDto)
  regional_financing?: AssessmentDto;

  @ApiPropertyOptional({ type: AssessmentDto, description: '新規性' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentDto)
  novelty?: AssessmentDto;

  @ApiPropertyOptional({ type: AssessmentDto, description: 'モデル性 (national track only)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentDto)
  model_case?: AssessmentDto;
}

export class SubmitReviewDto {
  @ApiProperty({ type: AssessmentsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => AssessmentsDto)
  assessments: AssessmentsDto;

  @ApiProperty({ enum: RECOMMENDATIONS })
  @IsIn(RECOMMENDATIONS)
  recommendation: Recommendation;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @MaxLength(4000)
  comment: string;
}

/** Plain data for the domain: only the requirements the reviewer judged. */
export function toAssessments(dto: AssessmentsDto): Assessments {
  return Object.fromEntries(
    Object.entries(dto)
      .filter(([, assessment]) => assessment !== undefined)
      .map(([requirement, assessment]) => [
        requirement,
        { met: assessment.met, comment: assessment.comment },
      ]),
  ) as Assessments;
}
