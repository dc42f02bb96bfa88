import type { ApplicationEvent } from '@l10k/domain';
import type { RecordedEvent } from '@l10k/eventstore';
import { applicationIdOfStream } from './stream-names';

const APPLICATION_EVENT_TYPES: ReadonlySet<string> = new Set<ApplicationEvent['type']>([
  'ApplicationCreated',
  'ApplicationPlanReplaced',
  'ApplicationSubmitted',
  'ApplicationResubmitted',
  'ApplicationWithdrawn',
  'ReviewerAssigned',
  'ConflictOfInterestDeclared',
  'ReviewSubmitted',
  'RevisionRequested',
  'ApplicationAdopted',
  'ApplicationRejected',
]);

export interface ApplicationEventOnStream {
  readonly applicationId: string;
  readonly event: ApplicationEvent;
}

/** The domain event of an application stream; undefined for other streams and unknown types (which projections skip). */
export function applicationEventOf(recorded: RecordedEvent): ApplicationEventOnStream | undefined {
  const applicationId = applicationIdOfStream(recorded.streamId);
  if (applicationId === undefined || !APPLICATION_EVENT_TYPES.has(recorded.type)) return undefined;
  return {
    applicationId,
    event: { type: recorded.type, data: recorded.data } as unknown as ApplicationEvent,
  };
}
