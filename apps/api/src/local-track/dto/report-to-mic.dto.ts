import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class ReportToMicDto {
  @ApiProperty({ format: 'uuid', description: 'The 補助要綱, a document attached to this application' })
  @IsUUID('all', { message: '$property must be a document id (uuid)' })
  schemeRulesDocumentId: string;
}
