import { ApiProperty, PickType } from '@nestjs/swagger';
import type { AmountConfirmed } from '@l10k/domain';
import { fresh } from '@l10k/rules';
import { AmountConfirmationView } from './award.view';
import type { FundingFiguresView } from './funding-figures.view';

/**
 * What 額の確定 would fix if the officer confirmed now, as the decider itself computes it:
 * nothing is recorded. Its figures are those the confirmation takes while the application
 * stays at `revision`.
 */
export class AmountConfirmationPreviewView extends PickType(AmountConfirmationView, [
  'decidedGrant',
  'grantPaid',
  'largestAllowed',
  'confirmedGrant',
  'limitedBy',
  'funding',
  'released',
  'refundDue',
] as const) {
  @ApiProperty({ type: 'integer', description: 'The application revision the preview was computed on' })
  revision: number;
}

export const amountConfirmationPreviewView = (
  confirmation: AmountConfirmed['data'],
  revision: number,
): AmountConfirmationPreviewView => ({
  ...fresh,
  revision,
  decidedGrant: confirmation.decidedGrant,
  grantPaid: confirmation.grantPaid,
  largestAllowed: confirmation.largestAllowed,
  confirmedGrant: confirmation.confirmedGrant,
  limitedBy: confirmation.limitedBy,
  funding: confirmation.funding as FundingFiguresView,
  released: confirmation.released,
  refundDue: confirmation.refundDue,
});
