import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  COST_CATEGORIES,
  CostCategory,
  FINANCING_FORMS,
  FinancingForm,
  LENDER_TYPES,
  LenderType,
  PRIORITY_CATEGORIES,
  PriorityCategory,
  TRACKS,
  Track,
} from '@l10k/rules';
import { IsYen } from './money';
import { IsCalendarDate } from './calendar-date';
import { IsLocalGovernmentCode } from '../../auth/dto/is-local-government-code';

export class MunicipalityProfileDto {
  @ApiProperty({
    description: '条件不利地域: depopulated, remote island, peninsula, mountain village, heavy snow…',
  })
  @IsBoolean()
  disadvantagedArea: boolean;

  @ApiProperty({
    description:
      '財政力指数, as published: at most two decimals; the highest in Japan is about 2, so at most 3 is accepted',
    example: 0.21,
    minimum: 0,
    maximum: 3,
  })
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    {
      message:
        '$property must be a number with at most two decimals (財政力指数 is published to two decimals)',
    },
  )
  @Min(0)
  @Max(3)
  fiscalStrengthIndex: number;
}

/**
 * The calculator's municipality may name its code: a prefecture's (`000` in digits 3–5) gets
 * the base rate instead of a disadvantaged-area rate, and no local track. An application
 * never takes a code from its plan: it is always its owner's.
 */
export class CalculatorMunicipalityDto extends MunicipalityProfileDto {
  @ApiPropertyOptional({
    description:
      '全国地方公共団体コード, 6 digits with the check digit; without it the rules treat the plan as a 市町村’s',
    example: '032077',
  })
  @IsOptional()
  @IsLocalGovernmentCode()
  code?: string;
}

export class CostItemDto {
  @ApiProperty({ enum: COST_CATEGORIES })
  @IsIn(COST_CATEGORIES)
  category: CostCategory;

  @IsYen('Integer yen', 30_000_000)
  amount: number;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class LoanDto {
  @IsYen('L: loan or investment by the regional lender, integer yen', 30_000_000)
  amount: number;

  @ApiPropertyOptional({
    enum: FINANCING_FORMS,
    default: 'loan',
    description: '「融資額（又は出資額）」: an equity investment counts exactly like a loan for every rule',
  })
  @IsOptional()
  @IsIn(FINANCING_FORMS)
  form?: FinancingForm;

  @ApiProperty({ enum: LENDER_TYPES })
  @IsIn(LENDER_TYPES)
  lenderType: LenderType;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  lenderName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  secured?: boolean;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why the loan must be secured (national track)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  securedReason?: string;
}

export class FundingSourcesDto {
  @IsYen('G: the public grant requested, integer yen', 20_000_000)
  grant: number;

  @ApiProperty({ type: LoanDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => LoanDto)
  loan: LoanDto;

  @IsYen('S: own funds, integer yen (may be 0)', 10_000_000)
  ownFunds: number;
}

export class ScheduleDto {
  @ApiProperty({ example: '2025-07-01' })
  @IsCalendarDate()
  start: string;

  @ApiProperty({ example: '2026-03-31' })
  @IsCalendarDate()
  completion: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  extendedCompletionReason?: string;
}

/** The calculator's question: a complete funding plan for one fiscal year. */
export class FundingPlanDto {
  @ApiProperty({ example: 2025, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear: number;

  @ApiPropertyOptional({ enum: TRACKS, default: 'national' })
  @IsOptional()
  @IsIn(TRACKS)
  track?: Track;

  @ApiProperty({ type: CalculatorMunicipalityDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => CalculatorMunicipalityDto)
  municipality: CalculatorMunicipalityDto;

  @ApiProperty({ type: [CostItemDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each cost in $property must be an object with category and amount' })
  @ValidateNested({ each: true })
  @Type(() => CostItemDto)
  costs: CostItemDto[];

  @ApiProperty({ type: FundingSourcesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => FundingSourcesDto)
  funding: FundingSourcesDto;

  @ApiProperty({ enum: PRIORITY_CATEGORIES, isArray: true, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(PRIORITY_CATEGORIES, { each: true })
  priorityCategories: PriorityCategory[] = [];

  @ApiPropertyOptional({ type: ScheduleDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule?: ScheduleDto;
}
