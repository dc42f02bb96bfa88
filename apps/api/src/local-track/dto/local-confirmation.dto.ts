import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LOCAL_CONFIRMATION_KINDS, type LocalConfirmationKind } from '@l10k/domain';
import { IsCalendarDate } from '../../funding/dto/calendar-date';
import { LocalAssessmentsDto } from './local-assessments.dto';

export class LocalConfirmationDto {
  @ApiProperty({
    enum: LOCAL_CONFIRMATION_KINDS,
    description: 'expert_review: 有識者の審査; chamber_confirmation: 商工会議所等の確認',
  })
  @IsIn(LOCAL_CONFIRMATION_KINDS)
  kind: LocalConfirmationKind;

  @ApiProperty({
    example: '遠野市地域経済循環審査会',
    maxLength: 200,
    description: 'Who reviewed or confirmed',
  })
  @IsString()
  @IsNotEmpty({ message: '$property must not be empty' })
  @MaxLength(200)
  by: string;

  @ApiProperty({
    format: 'date',
    example: '2025-06-03',
    description: 'The day of the review; not after today',
  })
  @IsCalendarDate()
  on: string;

  @ApiProperty({ type: LocalAssessmentsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalAssessmentsDto)
  assessments: LocalAssessmentsDto;

  @ApiProperty({ format: 'uuid', description: 'A document attached to this application that records it' })
  @IsUUID('all', { message: '$property must be a document id (uuid)' })
  documentId: string;
}
