import type { ApplicationEvent } from './events';
import { evolveAward, newAward } from '../award/evolve-award';
import { evolveLocalTrack } from '../local-track/evolve-local-track';
import { isAdopted, isDecidedOrWithdrawn } from './status-groups';
import { initialApplicationState, type ApplicationState, type ExistingApplication } from './state';
import { fresh } from '@l10k/rules';

/** The application without its status-specific parts, to move it into another status. */
const recorded = (state: ExistingApplication) => ({
  id: state.id,
  municipalityCode: state.municipalityCode,
  plan: state.plan,
  createdAt: state.createdAt,
  assessment: state.assessment,
  reviewCycle: state.reviewCycle,
  reviewers: state.reviewers,
  reviews: state.reviews,
  documents: documentsOf(state),
});

/** States stored by read models before documents existed have no list: they had none. */
const documentsOf = (state: ExistingApplication) => state.documents ?? [];

const submittedPart = (state: ExistingApplication) =>
  state.status === 'draft' || state.submittedAt === undefined
    ? {}
    : {
        round: state.round,
        fiscalYear: state.fiscalYear,
        deadline: state.deadline,
        decisionDueDate: state.decisionDueDate,
        ruleSetId: state.ruleSetId,
        provisional: state.provisional,
        funding: state.funding,
        warnings: state.warnings,
        submittedAt: state.submittedAt,
      };

/**
 * Events are facts: evolve trusts them and never refuses. An event that cannot apply to
 * the state (which decide never produces) leaves the state as it is.
 */
export const evolveApplication = (state: ApplicationState, event: ApplicationEvent): ApplicationState => {
  if (event.type === 'ApplicationCreated') {
    const { applicationId, municipalityCode, plan, assessment, createdAt } = event.data;
    return {
      status: 'draft',
      id: applicationId,
      municipalityCode,
      plan,
      createdAt,
      assessment,
      reviewCycle: 0,
      reviewers: [],
      reviews: [],
      documents: [],
    };
  }
  if (state.status === 'none') return state;

  switch (event.type) {
    case 'ApplicationPlanReplaced': {
      const { plan, assessment } = event.data;
      // A local confirmation judged the plan it saw: a changed plan is a draft again.
      if (state.status === 'locally_confirmed') {
        const { localConfirmation: _confirmed, ...draft } = state;
        return { ...fresh, ...draft, status: 'draft', plan, assessment };
      }
      if (state.status !== 'draft' && state.status !== 'revision_requested' && state.status !== 'returned')
        return state;
      return { ...fresh, ...state, plan, assessment };
    }

    case 'ApplicationSubmitted':
    case 'ApplicationResubmitted': {
      const from = event.type === 'ApplicationSubmitted' ? 'draft' : 'revision_requested';
      if (state.status !== from) return state;
      const { applicationId: _id, reviewCycle, submittedBy: _by, ...submission } = event.data;
      return {
        ...fresh,
        ...recorded(state),
        status: 'submitted',
        ...submission,
        reviewCycle,
        reviewers: [],
        reviews: [],
      };
    }

    case 'ApplicationWithdrawn': {
      if (isDecidedOrWithdrawn(state)) return state;
      const { reason, withdrawnFrom, withdrawnAt, withdrawnBy } = event.data;
      return {
        ...fresh,
        ...recorded(state),
        ...submittedPart(state),
        status: 'withdrawn',
        withdrawal: { reason, withdrawnFrom, withdrawnAt, withdrawnBy },
      };
    }

    case 'ReviewerAssigned':
      if (state.status !== 'submitted' && state.status !== 'under_review') return state;
      return {
        ...fresh,
        ...state,
        status: 'under_review',
        reviewers: [
          ...state.reviewers,
          { reviewerId: event.data.reviewerId, assignedAt: event.data.assignedAt, recused: false },
        ],
      };

    case 'ConflictOfInterestDeclared': {
      if (state.status !== 'under_review') return state;
      const { reviewerId, hasConflict, detail, declaredAt } = event.data;
      return {
        ...fresh,
        ...state,
        reviewers: state.reviewers.map((reviewer) =>
          reviewer.reviewerId === reviewerId
            ? {
                ...fresh,
                ...reviewer,
                conflictDeclaration: { hasConflict, ...(detail !== undefined ? { detail } : {}), declaredAt },
                recused: hasConflict,
              }
            : reviewer,
        ),
      };
    }

    case 'ReviewSubmitted': {
      if (state.status !== 'under_review') return state;
      const { reviewerId, assessments, recommendation, comment, submittedAt } = event.data;
      return {
        ...fresh,
        ...state,
        reviews: [...state.reviews, { reviewerId, assessments, recommendation, comment, submittedAt }],
      };
    }

    case 'RevisionRequested': {
      if (state.status !== 'submitted' && state.status !== 'under_review') return state;
      const { reason, requestedAt, requestedBy } = event.data;
      return {
        ...fresh,
        ...state,
        status: 'revision_requested',
        revisionRequest: { reason, requestedAt, requestedBy },
      };
    }

    case 'ApplicationAdopted': {
      if (state.status !== 'under_review') return state;
      const { reason, requestedGrant, approvedGrant, funding, decidedAt, decidedBy } = event.data;
      return {
        ...fresh,
        ...state,
        status: 'adopted',
        decision: {
          outcome: 'adopted',
          reason,
          requestedGrant,
          approvedGrant,
          funding,
          decidedAt,
          decidedBy,
        },
        award: newAward(event),
      };
    }

    case 'GrantApplied':
    case 'GrantDecided':
    case 'PlanChangeNotified':
    case 'PlanChangeRequested':
    case 'PlanChangeApproved':
    case 'PlanChangeRefused':
    case 'PerformanceReported':
    case 'AmountConfirmed':
    case 'PaymentRecorded':
      return isAdopted(state) ? evolveAward(state, event) : state;

    case 'LocalConfirmationRecorded':
    case 'ReportedToMic':
    case 'MicReportAcknowledged':
    case 'MicReportReturned':
      return evolveLocalTrack(state, event);

    case 'DocumentAttached': {
      const { applicationId: _id, ...document } = event.data;
      return { ...fresh, ...state, documents: [...documentsOf(state), document] };
    }

    case 'ApplicationRejected': {
      if (state.status !== 'under_review') return state;
      const { reason, decidedAt, decidedBy } = event.data;
      return {
        ...fresh,
        ...state,
        status: 'rejected',
        decision: { outcome: 'rejected', reason, decidedAt, decidedBy },
      };
    }
  }
};

export const foldApplication = (events: readonly ApplicationEvent[]): ApplicationState =>
  events.reduce(evolveApplication, initialApplicationState());
