import { accept, refuse, type Decision } from '../../decision';
import { assessDraft } from '../assess-draft';
import type { ReplacePlan } from '../commands';
import type { ApplicationContext } from '../context';
import type { ApplicationPlanReplaced } from '../events';
import type { ApplicationState } from '../state';
import { wrongTrack } from '../../local-track/track';
import { trackOf } from '../../plan/application-plan';
import { invalidState, locate } from './guards';

const EDITABLE = ['draft', 'locally_confirmed', 'revision_requested', 'returned'] as const;
/** Sent back after a submission or a report: edited on the track it was judged on. */
const SENT_BACK = ['revision_requested', 'returned'];

/**
 * Drafts, local drafts already confirmed (which become drafts again: the confirmation
 * judged the earlier plan), and applications sent back (a revision request, a returned
 * report) are edited; never refused for content. Once sent back, the track stays.
 */
export const replacePlan = (
  command: ReplacePlan,
  state: ApplicationState,
  context: ApplicationContext = {},
): Decision<ApplicationPlanReplaced> => {
  const { data, metadata } = command;
  const located = locate(state, metadata, 'municipality');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (!(EDITABLE as readonly string[]).includes(application.status)) {
    return refuse(invalidState(application, ...EDITABLE));
  }
  if (SENT_BACK.includes(application.status) && trackOf(data.plan) !== trackOf(application.plan))
    return refuse(wrongTrack(application, trackOf(application.plan), 'plan.track'));
  const assessment = assessDraft(data.plan, application.municipalityCode, metadata.at, context);
  if (!assessment.ok) return refuse(assessment.error);
  return accept({
    type: 'ApplicationPlanReplaced',
    data: {
      applicationId: application.id,
      plan: data.plan,
      assessment: assessment.value,
      replacedAt: metadata.at,
      replacedBy: metadata.actor.sub,
    },
  });
};
