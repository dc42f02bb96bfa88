import type { ApplicationEvent } from '@l10k/domain';
import type { ProjectedEvent } from '@l10k/eventstore';
import { applicationIdOfStream } from './stream-names';

export interface ApplicationEventOnStream {
  readonly applicationId: string;
  readonly event: ApplicationEvent;
}

/**
 * The domain event of an application stream; undefined for other streams. Its type is
 * already one the projection handles (projectEvent routes by the domain's own list).
 */
export function applicationEventOf(recorded: ProjectedEvent): ApplicationEventOnStream | undefined {
  const applicationId = applicationIdOfStream(recorded.streamId);
  if (applicationId === undefined) return undefined;
  return {
    applicationId,
    event: { type: recorded.type, data: recorded.data } as unknown as ApplicationEvent,
  };
}
