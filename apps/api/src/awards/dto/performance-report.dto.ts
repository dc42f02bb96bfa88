import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { IsCalendarDate } from '../../funding/dto/calendar-date';
import { CostItemDto, LoanDto } from '../../funding/dto/funding-plan.dto';
import { IsYen } from '../../funding/dto/money';
import type { DocumentRefDto } from './document-ref.dto';
import { IsDocumentRefs } from './documents';

export class ActualFinancingDto {
  @ApiProperty({ type: LoanDto, description: 'The loan or equity investment actually drawn' })
  @IsObject()
  @ValidateNested()
  @Type(() => LoanDto)
  loan: LoanDto;

  @IsYen('The business’s own funds actually spent', 8_000_000)
  ownFunds: number;
}

export class PerformanceReportDto {
  @ApiProperty({ type: [CostItemDto], description: 'Actual costs per category' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CostItemDto)
  actualCosts: CostItemDto[];

  @ApiProperty({ type: ActualFinancingDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ActualFinancingDto)
  actualFinancing: ActualFinancingDto;

  @IsYen('The grant the municipality actually paid the business', 28_000_000)
  grantPaid: number;

  @ApiProperty({ format: 'date', example: '2026-03-20' })
  @IsCalendarDate()
  completedOn: string;

  @IsDocumentRefs('実績報告書 and evidence (receipts, photographs)')
  documents?: DocumentRefDto[];
}
