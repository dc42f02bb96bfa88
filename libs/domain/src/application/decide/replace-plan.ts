import { accept, refuse, type Decision } from '../../decision';
import { assessDraft } from '../assess-draft';
import type { ReplacePlan } from '../commands';
import type { ApplicationContext } from '../context';
import type { ApplicationPlanReplaced } from '../events';
import type { ApplicationState } from '../state';
import { invalidState, locate } from './guards';

/** Only drafts and applications sent back for revision are edited; never refused for content. */
export const replacePlan = (
  command: ReplacePlan,
  state: ApplicationState,
  context: ApplicationContext = {},
): Decision<ApplicationPlanReplaced> => {
  const { data, metadata } = command;
  const located = locate(state, metadata, 'municipality');
  if (!located.ok) return refuse(located.error);
  const application = located.value;
  if (application.status !== 'draft' && application.status !== 'revision_requested') {
    return refuse(invalidState(application, 'draft', 'revision_requested'));
  }
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
