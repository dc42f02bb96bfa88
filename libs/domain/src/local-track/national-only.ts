import { trackOf } from '../plan/application-plan';
import type { ApplicationState } from '../application/state';
import { DOMAIN_ERROR_STATUS } from '../errors';
import type { DomainError } from '../errors';
import { wrongTrack } from './track';

/**
 * Commands of the national workflow: MIC's review, the adoption vote, the national budget
 * and the grant's life after adoption. The local track has none of them.
 */
const NATIONAL_ONLY: ReadonlySet<string> = new Set([
  'SubmitApplication',
  'ResubmitApplication',
  'AssignReviewer',
  'DeclareConflict',
  'SubmitReview',
  'RequestRevision',
  'DecideApplication',
  'ApplyForGrant',
  'DecideGrant',
  'ChangePlan',
  'RequestAbandonment',
  'DecidePlanChange',
  'ReportPerformance',
  'ConfirmAmount',
  'RecordPayment',
]);

/** Whether a refusal is about who may see or act on the application at all (404, 403). */
const isAccessRefusal = (error: DomainError): boolean => {
  const kind = DOMAIN_ERROR_STATUS[error.code];
  return kind === 'not_found' || kind === 'forbidden';
};

/**
 * A national command on a local-track application is refused naming the track, whatever
 * the national decider said: except a refusal of access, which comes first, so that a
 * caller who may not see the application learns nothing of its track.
 */
export const nationalOnlyRefusal = (
  commandType: string,
  state: ApplicationState,
  decided: { readonly ok: true } | { readonly ok: false; readonly error: DomainError },
): DomainError | undefined => {
  if (!NATIONAL_ONLY.has(commandType) || state.status === 'none') return undefined;
  if (trackOf(state.plan) !== 'local') return undefined;
  if (!decided.ok && isAccessRefusal(decided.error)) return undefined;
  return wrongTrack(state, 'national');
};
