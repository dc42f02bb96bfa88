import type { AmountConfirmationDto } from './amount-confirmation.dto';

/** The 額の確定 command a body asks for: the confirmation's route and its preview decide the same one. */
export const toConfirmAmount = (applicationId: string, body: AmountConfirmationDto) =>
  ({
    type: 'ConfirmAmount',
    data: {
      applicationId,
      ...(body.grant === undefined ? {} : { grant: body.grant }),
      ...(body.reason === undefined ? {} : { reason: body.reason }),
    },
  }) as const;
