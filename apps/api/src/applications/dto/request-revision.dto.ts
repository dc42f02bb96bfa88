import { IsReason } from '../dto/reason';

export class RequestRevisionDto {
  @IsReason('What the municipality should revise')
  reason: string;
}
