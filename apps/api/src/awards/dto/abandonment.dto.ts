import { IsReason } from '../../applications/dto/reason';

export class AbandonmentDto {
  @IsReason('Why the project is abandoned (中止・廃止)')
  reason: string;
}
