import { grantApplicationDueDate, fresh } from '@l10k/rules';
import type { ApplicationAdopted } from '../application/events';
import type { AdoptedApplication } from '../application/state';
import { postAwardRulesOf, type Award, type PlanChange } from './award';
import type { AwardEvent } from './events';

/** An adoption opens the award: the grant application is due, the adopted share is committed. */
export function newAward(adopted: ApplicationAdopted): Award {
  return {
    grantApplicationDueDate: grantApplicationDueDate(
      adopted.data.decidedAt,
      postAwardRulesOf(adopted.data.ruleSetId),
    ),
    commitment: adopted.data.funding.nationalShare,
    changes: [],
    payments: [],
    paid: 0,
    refundDue: 0,
  };
}

const withChange = (award: Award, changeId: string, update: (change: PlanChange) => PlanChange): Award => ({
  ...fresh,
  ...award,
  changes: award.changes.map((change) => (change.changeId === changeId ? update(change) : change)),
});

/** Events are facts: evolve trusts them (decide checked them) and only moves the award along. */
export function evolveAward(state: AdoptedApplication, event: AwardEvent): AdoptedApplication {
  const { award } = state;
  switch (event.type) {
    case 'GrantApplied': {
      const { amount, documents, late, appliedAt, appliedBy } = event.data;
      return {
        ...fresh,
        ...state,
        status: 'grant_applied',
        award: { ...fresh, ...award, grantApplication: { amount, documents, late, appliedAt, appliedBy } },
      };
    }
    case 'GrantDecided': {
      const { grant, conditions, funding, released, decidedAt, decidedBy } = event.data;
      return {
        ...fresh,
        ...state,
        status: 'grant_decided',
        award: {
          ...fresh,
          ...award,
          commitment: award.commitment - released,
          grantDecision: { grant, conditions, funding, released, decidedAt, decidedBy },
        },
      };
    }
    case 'PlanChangeNotified': {
      const { changeId, plan, reason, costMoves, documents, notifiedAt, notifiedBy } = event.data;
      const change: PlanChange = {
        changeId,
        kind: 'minor',
        reason,
        grounds: [],
        costMoves,
        documents,
        requestedAt: notifiedAt,
        requestedBy: notifiedBy,
        outcome: 'notified',
      };
      return { ...fresh, ...state, plan, award: { ...fresh, ...award, changes: [...award.changes, change] } };
    }
    case 'PlanChangeRequested': {
      const { changeId, kind, plan, reason, grounds, costMoves, documents, requestedAt, requestedBy } =
        event.data;
      const change: PlanChange = {
        changeId,
        kind,
        ...(plan === undefined ? {} : { plan }),
        reason,
        grounds,
        costMoves,
        documents,
        requestedAt,
        requestedBy,
        outcome: 'pending',
      };
      return {
        ...fresh,
        ...state,
        status: 'change_requested',
        award: {
          ...fresh,
          ...award,
          statusBeforeChange: state.status === 'change_requested' ? award.statusBeforeChange : state.status,
          changes: [...award.changes, change],
        },
      };
    }
    case 'PlanChangeApproved':
    case 'PlanChangeRefused': {
      const { changeId, reason, decidedAt, decidedBy } = event.data;
      const approved = event.type === 'PlanChangeApproved';
      const decided = withChange(award, changeId, (change) => ({
        ...fresh,
        ...change,
        outcome: approved ? 'approved' : 'refused',
        decision: { reason, decidedAt, decidedBy },
      }));
      const { statusBeforeChange: previous, ...rest } = decided;
      const back = previous ?? 'grant_decided';
      if (approved && event.data.kind === 'abandonment') {
        return {
          ...fresh,
          ...state,
          status: 'abandoned',
          award: {
            ...fresh,
            ...rest,
            commitment: award.commitment - event.data.released,
            abandonedAt: decidedAt,
          },
        };
      }
      const requested = approved
        ? award.changes.find((change) => change.changeId === changeId)?.plan
        : undefined;
      return { ...fresh, ...state, status: back, plan: requested ?? state.plan, award: rest };
    }
    case 'PerformanceReported': {
      const { applicationId: _id, ...report } = event.data;
      return { ...fresh, ...state, status: 'reported', award: { ...fresh, ...award, report } };
    }
    case 'AmountConfirmed': {
      const { applicationId: _id, ...confirmation } = event.data;
      const fullyPaid = award.paid > 0 && award.paid >= confirmation.funding.nationalShare;
      return {
        ...fresh,
        ...state,
        status: fullyPaid ? 'paid' : 'amount_confirmed',
        award: {
          ...fresh,
          ...award,
          commitment: award.commitment - confirmation.released,
          confirmation,
          refundDue: confirmation.refundDue,
        },
      };
    }
    case 'PaymentRecorded': {
      const { amount, paidOn, recordedAt, totalPaid } = event.data;
      const confirmed = award.confirmation?.funding.nationalShare ?? 0;
      return {
        ...fresh,
        ...state,
        status: totalPaid >= confirmed ? 'paid' : 'amount_confirmed',
        award: {
          ...fresh,
          ...award,
          paid: totalPaid,
          payments: [...award.payments, { amount, paidOn, recordedAt }],
        },
      };
    }
  }
}
