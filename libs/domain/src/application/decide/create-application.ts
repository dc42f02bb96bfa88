import { requireRole } from '../../authorization';
import { accept, refuse, type Decision } from '../../decision';
import { domainError } from '../../errors';
import { assessDraft } from '../assess-draft';
import type { CreateApplication } from '../commands';
import type { ApplicationContext } from '../context';
import type { ApplicationCreated } from '../events';
import type { ApplicationState } from '../state';

/** A draft is never refused for its content; its problems come back as warnings. */
export const createApplication = (
  command: CreateApplication,
  state: ApplicationState,
  context: ApplicationContext = {},
): Decision<ApplicationCreated> => {
  const { data, metadata } = command;
  const forbidden = requireRole(metadata.actor, 'municipality');
  if (forbidden) return refuse(forbidden);
  if (data.municipalityCode !== metadata.actor.municipalityCode) {
    return refuse(domainError('forbidden', 'a municipality creates applications for itself only'));
  }
  if (state.status !== 'none')
    return refuse(domainError('already_exists', `application ${data.applicationId} exists`));
  const assessment = assessDraft(data.plan, data.municipalityCode, metadata.at, context);
  if (!assessment.ok) return refuse(assessment.error);
  return accept({
    type: 'ApplicationCreated',
    data: {
      applicationId: data.applicationId,
      municipalityCode: data.municipalityCode,
      plan: data.plan,
      assessment: assessment.value,
      createdAt: metadata.at,
      createdBy: metadata.actor.sub,
    },
  });
};
