import { Injectable } from '@nestjs/common';
import { applicationStream, confirmAmount } from '@l10k/domain';
import { fresh } from '@l10k/rules';
import { actorFor, type Principal } from '../auth/principal';
import { Clock } from '../clock/clock';
import {
  amountConfirmationPreviewView,
  type AmountConfirmationPreviewView,
} from '../views/amount-confirmation-preview.view';
import { domainProblem } from '../write/domain-problems';
import { FoldedStreams } from '../write/folded-streams';
import { revisionNumber } from '../write/loaded-stream';
import type { AmountConfirmationDto } from './dto/amount-confirmation.dto';
import { toConfirmAmount } from './dto/to-confirm-amount';

/**
 * 額の確定 as the decider would decide it now, with nothing appended: the officer sees the
 * amount, its limiting rule and the national share before confirming what cannot be undone.
 * The same decide function as the write (confirm-amount.ts), so the preview cannot drift
 * from it; refused as the write would be.
 */
@Injectable()
export class AmountConfirmationPreview {
  constructor(
    private readonly folded: FoldedStreams,
    private readonly clock: Clock,
  ) {}

  async of(
    applicationId: string,
    body: AmountConfirmationDto,
    principal: Principal,
  ): Promise<AmountConfirmationPreviewView> {
    const loaded = await this.folded.load(applicationStream(applicationId));
    const decided = confirmAmount(
      {
        ...fresh,
        ...toConfirmAmount(applicationId, body),
        metadata: { at: this.clock.now().toISOString(), actor: actorFor(principal, 'program_officer') },
      },
      loaded.state,
    );
    if (!decided.ok) throw domainProblem(decided.error);
    const [confirmed] = decided.events;
    return amountConfirmationPreviewView(confirmed.data, revisionNumber(loaded.revision));
  }
}
