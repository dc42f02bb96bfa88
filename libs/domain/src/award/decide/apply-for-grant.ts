import { japanDateOf } from '@l10k/rules';
import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import type { ApplyForGrant } from '../commands';
import type { GrantApplied } from '../events';
import type { ApplicationState } from '../../application/state';
import { documentViolations, locateAward, positiveYen, refusedDocuments } from './guards';

/** 交付申請: by the owning municipality, after adoption, for at most the approved grant. */
export const applyForGrant = (command: ApplyForGrant, state: ApplicationState): Decision<GrantApplied> => {
  const { data, metadata } = command;
  const located = locateAward(state, metadata, 'municipality', 'adopted');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  const notYen = positiveYen('amount', data.amount);
  if (notYen) return refuse(notYen);
  const approved = application.decision.approvedGrant;
  if (data.amount > approved) {
    return refuse(
      domainError('grant_exceeds_approved', 'the grant applied for exceeds the approved grant', [
        {
          rule: 'grant_within_approved',
          field: 'amount',
          message: `the grant applied for, ${data.amount} yen, exceeds the approved ${approved} yen`,
          figures: { amount: data.amount, approvedGrant: approved },
        },
      ]),
    );
  }
  const badDocuments = documentViolations(data.documents);
  if (badDocuments.length > 0) return refuse(refusedDocuments(badDocuments));
  const dueDate = application.award.grantApplicationDueDate;
  return accept({
    type: 'GrantApplied',
    data: {
      applicationId: application.id,
      amount: data.amount,
      documents: data.documents,
      dueDate,
      late: japanDateOf(metadata.at) > dueDate,
      appliedAt: metadata.at,
      appliedBy: metadata.actor.sub,
    },
  });
};
