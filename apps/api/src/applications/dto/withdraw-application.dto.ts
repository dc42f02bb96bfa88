import { IsReason } from './reason';

export class WithdrawApplicationDto {
  @IsReason('Why the municipality withdraws the application')
  reason: string;
}
