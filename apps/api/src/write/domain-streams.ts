import {
  ApplicationEvent,
  ApplicationState,
  BudgetEvent,
  BudgetState,
  applicationStreamId,
  fiscalYearStreamId,
  foldApplication,
  foldBudget,
} from '@l10k/domain';
import type { EventStore } from '@l10k/eventstore';
import { LoadedStream, loadStream } from './loaded-stream';

/** Stored events are the domain's events (type and data); the store adds only metadata. */
export const foldApplicationEvents = (events: readonly { type: string; data: unknown }[]): ApplicationState =>
  foldApplication(events as readonly ApplicationEvent[]);

export const loadApplicationStream = (
  store: EventStore,
  applicationId: string,
): Promise<LoadedStream<ApplicationState>> =>
  loadStream(store, applicationStreamId(applicationId), foldApplicationEvents);

export const loadBudgetStream = (store: EventStore, fiscalYear: number): Promise<LoadedStream<BudgetState>> =>
  loadStream(store, fiscalYearStreamId(fiscalYear), (events) =>
    foldBudget(events as readonly BudgetEvent[], fiscalYear),
  );
