import { IsReason } from './reason';

export class RequestRevisionDto {
  @IsReason('What the municipality should revise')
  reason: string;
}
