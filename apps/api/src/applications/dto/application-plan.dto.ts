import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CostItemDto,
  FundingPlanDto,
  FundingSourcesDto,
  LoanDto,
  MunicipalityProfileDto,
  ScheduleDto,
} from '../../funding/dto/funding-plan.dto';

/*
 * A draft may be saved half-written: every field of the calculator's plan becomes optional,
 * nested ones too, but whatever is present must still be well-formed (a negative amount is
 * a 400 in a draft as well). What is missing is reported as `plan_complete` warnings.
 */
export class DraftCostItemDto extends PartialType(CostItemDto) {}
export class DraftLoanDto extends PartialType(LoanDto) {}
export class DraftMunicipalityProfileDto extends PartialType(MunicipalityProfileDto) {}
export class DraftScheduleDto extends PartialType(ScheduleDto) {}

export class DraftFundingSourcesDto extends PartialType(OmitType(FundingSourcesDto, ['loan'] as const)) {
  @ApiPropertyOptional({ type: DraftLoanDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DraftLoanDto)
  loan?: DraftLoanDto;
}

export class BusinessDto {
  @ApiPropertyOptional({ maxLength: 200, example: '株式会社さとうみ' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: '法人番号, 13 digits', example: '1234567890123' })
  @IsOptional()
  @Matches(/^\d{13}$/, { message: 'corporateNumber must be the 13-digit 法人番号' })
  corporateNumber?: string;
}

export class ApplicationPlanDto extends PartialType(
  OmitType(FundingPlanDto, ['fiscalYear', 'municipality', 'costs', 'funding', 'schedule'] as const),
) {
  @ApiPropertyOptional({ type: BusinessDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BusinessDto)
  business?: BusinessDto;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  projectTitle?: string;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;

  @ApiPropertyOptional({ type: DraftMunicipalityProfileDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DraftMunicipalityProfileDto)
  municipality?: DraftMunicipalityProfileDto;

  @ApiPropertyOptional({ type: [DraftCostItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each cost in $property must be an object with category and amount' })
  @ValidateNested({ each: true })
  @Type(() => DraftCostItemDto)
  costs?: DraftCostItemDto[];

  @ApiPropertyOptional({ type: DraftFundingSourcesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DraftFundingSourcesDto)
  funding?: DraftFundingSourcesDto;

  @ApiPropertyOptional({ type: DraftScheduleDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DraftScheduleDto)
  schedule?: DraftScheduleDto;
}

/** `{ plan }`, the body of creating an application and of replacing its plan. */
export class PlanBodyDto {
  @ApiPropertyOptional({ type: ApplicationPlanDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicationPlanDto)
  plan: ApplicationPlanDto;
}
