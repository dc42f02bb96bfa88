import { IsYen } from '../../funding/dto/money';
import type { DocumentRefDto } from './document-ref.dto';
import { IsDocumentRefs } from './documents';

export class GrantApplicationDto {
  @IsYen('The grant applied for: at most the approved grant', 20_000_000)
  amount: number;

  @IsDocumentRefs('交付申請書 and its attachments')
  documents?: DocumentRefDto[];
}
